import { withDatabase } from '../../e2e/support/database.js';
import type { RunningSystem } from '../../e2e/support/system.js';

/**
 * What became of every event the services wrote, read straight from their schemas: the producers'
 * outboxes against the audit ledger, the dead letters, and the portal's pages. Exactly once means
 * every event sent and in the ledger once, nothing parked, one page per published document.
 */
export interface EventAccounts {
  /** Events in the producers' outboxes about these documents. */
  events: number;
  /** Of those, not yet sent to JetStream. */
  unsent: number;
  /** Outbox events the ledger does not hold. */
  missingFromLedger: number;
  /** Ledger entries of these documents (the ledger's event_id is unique: a second apply cannot hide). */
  ledgerEntries: number;
  violations: number;
  /** Rows in any service's dead_letter table. */
  deadLetters: number;
  /** Portal pages per document (published exactly once: 1 each). */
  pages: Map<string, number>;
}

export async function eventAccounts(system: Pick<RunningSystem, 'databaseUrl'>, documentIds: readonly string[]): Promise<EventAccounts> {
  return withDatabase(system, async (client) => {
    const schemas = (
      await client.query<{ table_schema: string }>(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`)
    ).rows.map((row) => row.table_schema);
    const union = (table: string, columns: string): string => schemas.map((schema) => `SELECT ${columns} FROM "${schema}".${table}`).join(' UNION ALL ');
    const outbox = `(${union('outbox', 'id::text AS id, document_id::text AS document_id, sent_at')}) AS o`;
    const [counts] = (
      await client.query(
        `SELECT count(*)::int AS events,
                count(*) FILTER (WHERE o.sent_at IS NULL)::int AS unsent,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit.ledger_entry l WHERE l.event_id::text = o.id))::int AS missing
           FROM ${outbox} WHERE o.document_id = ANY($1::text[])`,
        [documentIds],
      )
    ).rows as { events: number; unsent: number; missing: number }[];
    const [ledger] = (
      await client.query(
        `SELECT count(*)::int AS entries, count(*) FILTER (WHERE violation IS NOT NULL)::int AS violations
           FROM audit.ledger_entry WHERE document_id::text = ANY($1::text[])`,
        [documentIds],
      )
    ).rows as { entries: number; violations: number }[];
    const deadLetterSchemas = (
      await client.query<{ table_schema: string }>(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'dead_letter'`)
    ).rows.map((row) => row.table_schema);
    const deadLetters = (
      await client.query<{ n: number }>(deadLetterSchemas.map((schema) => `SELECT count(*)::int AS n FROM "${schema}".dead_letter`).join(' UNION ALL '))
    ).rows.reduce((sum, row) => sum + row.n, 0);
    const pages = new Map(documentIds.map((id) => [id, 0]));
    const pageRows = (
      await client.query<{ document_id: string; n: number }>(
        'SELECT document_id, count(*)::int AS n FROM portal.pages WHERE document_id::text = ANY($1::text[]) GROUP BY document_id',
        [documentIds],
      )
    ).rows;
    for (const row of pageRows) pages.set(row.document_id, row.n);
    return {
      events: counts?.events ?? 0,
      unsent: counts?.unsent ?? 0,
      missingFromLedger: counts?.missing ?? 0,
      ledgerEntries: ledger?.entries ?? 0,
      violations: ledger?.violations ?? 0,
      deadLetters,
      pages,
    };
  });
}
