import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { INBOX_BATCH_IN_ORDER } from '../src/inbox-statements.js';
import { MessagingWorld } from './fixture.js';

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows the plan read from a table: those its scans of it returned and those they filtered out. */
function rowsRead(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1) : 0;
  return own + (node.Plans ?? []).reduce((total, child) => total + rowsRead(child, table), 0);
}

/**
 * A consumer records a batch in one statement, run as a prepared statement: after a few runs
 * PostgreSQL keeps one generic plan for it, made without the batch's values.
 */
describe("a consumer batch's inbox statement", () => {
  const world = new MessagingWorld('inboxplan');
  afterAll(() => world.close());

  it("reads only the batch's own cursors with a generic plan, on a table that has no statistics yet", async () => {
    const { dataSource } = await world.service('consumer');
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Thousands of cursors of this consumer, never analyzed: a new database a day into its work.
      await runner.query(`INSERT INTO consumer_cursor (consumer, document_id, last_sequence) SELECT 'c', gen_random_uuid(), 1 FROM generate_series(1, 3000)`);
      const documents = [randomUUID(), randomUUID()];
      await runner.query(`INSERT INTO consumer_cursor (consumer, document_id, last_sequence) VALUES ('c', $1, 1)`, [documents[0]]);
      await runner.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await runner.query(`PREPARE batch (text, uuid[], uuid[], int[], text[]) AS ${INBOX_BATCH_IN_ORDER}`);
      const [{ 'QUERY PLAN': [plan] }] = (await runner.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE batch('c', ARRAY['${randomUUID()}', '${randomUUID()}']::uuid[], ARRAY['${documents[0]}', '${documents[1]}']::uuid[], ARRAY[2, 1], ARRAY['test.a', 'test.a'])`,
      )) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];

      // At most one per document of the batch (PostgreSQL rounds its rows per loop), not every cursor of the consumer.
      expect(rowsRead(plan.Plan, 'consumer_cursor')).toBeLessThanOrEqual(documents.length);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
