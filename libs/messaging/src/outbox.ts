import type { EventEnvelope } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared.js';

/**
 * Writes an event to the outbox inside the caller's transaction: the state change and the event
 * commit together or not at all. The (document, sequence) key refuses a second event with the same
 * sequence, so two racing writers cannot both emit.
 */
export async function appendToOutbox(
  manager: EntityManager,
  envelope: EventEnvelope,
  headers: Record<string, string> = {},
): Promise<void> {
  await preparedQuery(
    manager,
    'outbox_append',
    `INSERT INTO outbox (id, event_type, document_id, sequence, envelope, headers)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [envelope.id, envelope.type, envelope.documentId, envelope.sequence, JSON.stringify(envelope), JSON.stringify(headers)],
  );
}

/** Outbox rows of one document in a sequence range, sent or not: the answer to a replay request. */
export async function readOutboxRange(
  manager: EntityManager,
  documentId: string,
  fromSequence: number,
  toSequence: number,
): Promise<EventEnvelope[]> {
  const rows: { envelope: EventEnvelope }[] = await manager.query(
    `SELECT envelope FROM outbox WHERE document_id = $1 AND sequence BETWEEN $2 AND $3 ORDER BY sequence`,
    [documentId, fromSequence, toSequence],
  );
  return rows.map((row) => row.envelope);
}
