import type { EntityManager } from 'typeorm';

interface NamedQueryClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one of the backbone's statements that every event runs (inbox, cursor, outbox, relay) as a
 * named prepared statement on the transaction's connection: PostgreSQL parses and plans it once per
 * connection instead of on every event. Outside a transaction (no connection held) it runs unnamed.
 * `name` must be unique to `text` (pg keeps one statement per name and connection).
 */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (manager.queryRunner as { databaseConnection?: NamedQueryClient } | undefined)?.databaseConnection;
  if (client === undefined || manager.queryRunner?.isReleased === true) return (await manager.query(text, values)) as T[];
  return (await client.query({ name: `sanshen_${name}`, text, values })).rows as T[];
}
