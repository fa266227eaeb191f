import type { EntityManager } from 'typeorm';

interface NamedQueryClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Runs a statement that a hot path runs again and again (every event: inbox, cursor, outbox, relay;
 * every transition: its row) as a named prepared statement on the transaction's connection:
 * PostgreSQL parses and plans it once per connection instead of every time. Outside a transaction
 * (no connection held) it takes a connection of the pool for the statement, and prepares it there.
 * `name` must be unique to `text` (pg keeps one statement per name and connection). The services'
 * pool client (`PreparingClient`) prepares any repeated statement too; this one is named from its
 * first run, outside that client's cap, and reports the row count TypeORM's `query` does not.
 */
export async function preparedStatement<T>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<{ rows: T[]; rowCount: number }> {
  const runner = manager.queryRunner;
  const client = (runner as { databaseConnection?: NamedQueryClient } | undefined)?.databaseConnection;
  if (runner !== undefined && client !== undefined && !runner.isReleased) {
    const result = await client.query({ name: `sanshen_${name}`, text, values });
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  }
  // A connection of the pool for this statement alone: prepared on it once, as in a transaction.
  const own = manager.connection.createQueryRunner();
  try {
    const pooled = (await own.connect()) as NamedQueryClient;
    const result = await pooled.query({ name: `sanshen_${name}`, text, values });
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  } finally {
    await own.release();
  }
}

/** The rows of a prepared statement (see `preparedStatement`). */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await preparedStatement<T>(manager, name, text, values)).rows;
}
