import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { dataSourceOptions, openDataSource } from '../src/index.js';

/** Slow on purpose: replicas without a lock would both see it pending and both run it. */
class CreateWidgets1770000000000 implements MigrationInterface {
  name = 'CreateWidgets1770000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is set by the integration global setup');
  return url;
}

describe('openDataSource', () => {
  const opened: DataSource[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
  });

  const open = (schema: string) =>
    openDataSource(
      dataSourceOptions(requireDatabaseUrl(), { schema, entities: [], migrations: [CreateWidgets1770000000000] }) as Parameters<
        typeof openDataSource
      >[0],
    );

  it('lets replicas that start together create the schema and migrate it once, in turn', async () => {
    const schema = `migrate_${randomBytes(3).toString('hex')}`;
    const replicas = await Promise.allSettled([open(schema), open(schema), open(schema)]);
    for (const replica of replicas) if (replica.status === 'fulfilled') opened.push(replica.value);

    expect(replicas.map((replica) => (replica.status === 'rejected' ? String(replica.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
    const [first] = opened;
    const applied = await first!.query(`SELECT name FROM "${schema}".migrations`);
    expect(applied).toEqual([{ name: 'CreateWidgets1770000000000' }]);
    const locks = await first!.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(locks).toEqual([{ held: 0 }]);
  });

  it('prepares a statement with parameters the second time it runs, and runs it as before', async () => {
    const dataSource = await open(`prepare_${randomBytes(3).toString('hex')}`);
    opened.push(dataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Unique text for this run: the process's statement names are shared by every data source.
      const text = `SELECT $1::int + 1 AS next, '${randomBytes(4).toString('hex')}' AS tag`;
      const prepared = () => runner.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]) as Promise<{ n: number }[]>;
      expect(await runner.query(text, [1])).toMatchObject([{ next: 2 }]);
      expect(await prepared()).toEqual([{ n: 0 }]);
      expect(await runner.query(text, [2])).toMatchObject([{ next: 3 }]);
      expect(await prepared()).toEqual([{ n: 1 }]);
      expect(await runner.query(text, [41])).toMatchObject([{ next: 42 }]);
      // A statement without parameters goes unnamed however often it runs.
      for (let run = 0; run < 3; run += 1) await runner.query('SELECT 1 AS one');
      expect(await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = 'SELECT 1 AS one'`)).toEqual([{ n: 0 }]);
    } finally {
      await runner.release();
    }
  });
});
