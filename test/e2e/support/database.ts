import pg from 'pg';
import type { RunningSystem } from './system.js';

/**
 * Direct SQL on a running system's database, as the superuser the tests connect with: for assertions no API
 * offers (how many pages the portal stored) and for the tamper test. Never used to set things up.
 */
export async function withDatabase<T>(system: Pick<RunningSystem, 'databaseUrl'>, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: system.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows the portal stored for a document (one per pushed version; every retry of a push is the same row). */
export async function portalPagesOf(system: Pick<RunningSystem, 'databaseUrl'>, documentId: string): Promise<{ publication_id: string; version: number; url: string; superseded_at: Date | null }[]> {
  return withDatabase(system, async (client) => {
    const result = await client.query(
      'SELECT publication_id, version, url, superseded_at FROM portal.pages WHERE document_id = $1 ORDER BY version',
      [documentId],
    );
    return result.rows as { publication_id: string; version: number; url: string; superseded_at: Date | null }[];
  });
}

/** The publication service's own record of a document's publications (read while the service is down). */
export async function publicationRowsOf(system: Pick<RunningSystem, 'databaseUrl'>, documentId: string): Promise<{ id: string; version: number; state: string }[]> {
  return withDatabase(system, async (client) => {
    const result = await client.query('SELECT id, version, state FROM publication.publications WHERE document_id = $1 ORDER BY version', [documentId]);
    return result.rows as { id: string; version: number; state: string }[];
  });
}
