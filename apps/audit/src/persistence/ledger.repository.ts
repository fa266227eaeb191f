import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@sanshen/contracts';
import { lockRow, preparedStatement } from '@sanshen/messaging';
import type { LifecycleState } from '@sanshen/workflow';
import type { LedgerHeadView, StoredEntry, StreamedEntry } from '../domain/ledger-chain.js';
import type { Violation } from '../domain/lifecycle-verdict.js';
import { LedgerEntryOrmEntity } from './ledger-entry.orm-entity.js';
import { LedgerHeadOrmEntity } from './ledger-head.orm-entity.js';

const HEAD_ID = 1;

interface ChunkRow {
  position: string;
  event_id: string;
  event_type: string;
  document_id: string;
  sequence: number;
  envelope: unknown;
  canonical: string;
  document_prev_hash: string;
  document_hash: string;
  prev_hash: string;
  hash: string;
  document_predecessor_hash: string | null;
}

export interface NewLedgerEntry {
  position: number;
  envelope: EventEnvelope;
  canonical: string;
  documentPrevHash: string;
  documentHash: string;
  prevHash: string;
  hash: string;
  statusAfter: string | null;
  violation: Violation | null;
}

/** The document's state after an append (written with the entry). */
export interface DocumentStateAfter {
  /** Taken by a document's first entry only: a known document's agency never changes here. */
  agencyId: string;
  state: LifecycleState | null;
}

/**
 * One append: the entry, the head moved onto it, and the document's state (a first entry creates it,
 * a later one counts on) — one statement, so an event costs one round trip here besides its reads.
 */
const APPEND = `WITH entry AS (
    INSERT INTO ledger_entry (position, event_id, event_type, document_id, sequence, occurred_at, actor_id, on_behalf_of_id,
      actor_agency_id, envelope, canonical, document_prev_hash, document_hash, prev_hash, hash, status_after, violation)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17::jsonb)
  ), head AS (
    UPDATE ledger_head SET position = $1, hash = $15, event_id = $2, updated_at = now() WHERE id = ${HEAD_ID}
  )
  INSERT INTO document_state (document_id, agency_id, state, entry_count, last_position, last_event_id, last_hash, updated_at)
  VALUES ($4, $18, $19::jsonb, 1, $1, $2, $13, now())
  ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, entry_count = document_state.entry_count + 1,
    last_position = EXCLUDED.last_position, last_event_id = EXCLUDED.last_event_id, last_hash = EXCLUDED.last_hash,
    updated_at = EXCLUDED.updated_at`;

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** The ledger table and its head: append under the head's lock, read in position order. */
@Injectable()
export class LedgerRepository {
  /** The head as each transaction's last append left it: held under its lock, so not read again. */
  private readonly heads = new WeakMap<EntityManager, LedgerHeadView>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Locks the head row for the rest of the transaction: appends are serialized on it. A transaction
   * that appends several events (a consumer's batch) reads it once: it holds the lock, and its own
   * appends are the only moves of the head meanwhile.
   */
  async lockHead(manager: EntityManager): Promise<LedgerHeadView> {
    const held = this.heads.get(manager);
    if (held !== undefined) return held;
    const head = await lockRow(manager, LedgerHeadOrmEntity, HEAD_ID);
    if (head === null) throw new Error('ledger_head row is missing: the migration seeds it');
    const view = { position: head.position, hash: head.hash, eventId: head.eventId };
    this.heads.set(manager, view);
    return view;
  }

  /** Appends under the head locked by `lockHead` in the same transaction. */
  async append(manager: EntityManager, entry: NewLedgerEntry, document: DocumentStateAfter): Promise<void> {
    const { envelope } = entry;
    await preparedStatement(manager, 'ledger_append', APPEND, [
      entry.position,
      envelope.id,
      envelope.type,
      envelope.documentId,
      envelope.sequence,
      new Date(envelope.occurredAt),
      envelope.actor.userId,
      envelope.actor.onBehalfOf?.userId ?? null,
      envelope.actor.agencyId,
      json(envelope),
      entry.canonical,
      entry.documentPrevHash,
      entry.documentHash,
      entry.prevHash,
      entry.hash,
      entry.statusAfter,
      json(entry.violation),
      document.agencyId,
      json(document.state),
    ]);
    this.heads.set(manager, { position: entry.position, hash: entry.hash, eventId: envelope.id });
  }

  /** A document's entries in ledger order. */
  timeline(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerEntryOrmEntity[]> {
    return manager.getRepository(LedgerEntryOrmEntity).find({ where: { documentId }, order: { position: 'ASC' } });
  }

  /** Did this user act on the document (as the actor, or as the one an actor stood in for)? */
  async isInvolved(documentId: string, userId: string): Promise<boolean> {
    const rows = (await this.dataSource.manager.query(
      `SELECT 1 FROM ledger_entry WHERE document_id = $1 AND (actor_id = $2 OR on_behalf_of_id = $2) LIMIT 1`,
      [documentId, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async head(manager: EntityManager): Promise<LedgerHeadView> {
    const head = await manager.getRepository(LedgerHeadOrmEntity).findOneByOrFail({ id: HEAD_ID });
    return { position: head.position, hash: head.hash, eventId: head.eventId };
  }

  /**
   * The next chunk of the global chain after `afterPosition`, up to `throughPosition`, in position
   * order (keyset pagination on the primary key), each entry with the stored documentHash of its
   * document's previous entry (one backward index probe each), so the walk keeps no per-document state.
   */
  async chunkAfter(manager: EntityManager, afterPosition: number, throughPosition: number, size: number): Promise<StreamedEntry[]> {
    const rows = (await manager.query(
      `SELECT e.position, e.event_id, e.event_type, e.document_id, e.sequence, e.envelope, e.canonical,
              e.document_prev_hash, e.document_hash, e.prev_hash, e.hash,
              (SELECT p.document_hash FROM ledger_entry p
                WHERE p.document_id = e.document_id AND p.position < e.position
                ORDER BY p.position DESC LIMIT 1) AS document_predecessor_hash
         FROM ledger_entry e
        WHERE e.position > $1 AND e.position <= $2
        ORDER BY e.position
        LIMIT $3`,
      [afterPosition, throughPosition, size],
    )) as ChunkRow[];
    return rows.map((row) => ({
      position: Number(row.position),
      eventId: row.event_id,
      eventType: row.event_type,
      documentId: row.document_id,
      sequence: row.sequence,
      envelope: row.envelope,
      canonical: row.canonical,
      documentPrevHash: row.document_prev_hash,
      documentHash: row.document_hash,
      prevHash: row.prev_hash,
      hash: row.hash,
      documentPredecessorHash: row.document_predecessor_hash,
    }));
  }

  /** The highest stored position and the head, read in one snapshot (an append writes both in one transaction). */
  async storedBeyondHead(manager: EntityManager): Promise<{ maxPosition: number; head: LedgerHeadView }> {
    const [row] = (await manager.query(
      `SELECT (SELECT coalesce(max(position), 0) FROM ledger_entry) AS max_position, h.position, h.hash, h.event_id
         FROM ledger_head h WHERE h.id = $1`,
      [HEAD_ID],
    )) as { max_position: string; position: string; hash: string; event_id: string | null }[];
    if (row === undefined) throw new Error('ledger_head row is missing: the migration seeds it');
    return { maxPosition: Number(row.max_position), head: { position: Number(row.position), hash: row.hash, eventId: row.event_id } };
  }

  /**
   * Entries of one agency's documents recorded in [from, to), in position order; at most `limit`
   * (the caller asks for one more than it accepts, to tell a full period from a cut one).
   */
  async recordedBetween(agencyId: string, from: Date, to: Date, limit: number): Promise<LedgerEntryOrmEntity[]> {
    return this.dataSource.manager
      .getRepository(LedgerEntryOrmEntity)
      .createQueryBuilder('entry')
      .innerJoin('document_state', 'doc', 'doc.document_id = entry.document_id')
      .where('doc.agency_id = :agencyId', { agencyId })
      .andWhere('entry.recorded_at >= :from AND entry.recorded_at < :to', { from, to })
      .orderBy('entry.position', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Global hashes at the given positions (the predecessors of a document's entries). */
  async hashesAt(manager: EntityManager, positions: readonly number[]): Promise<Map<number, string>> {
    if (positions.length === 0) return new Map();
    const rows = await manager.getRepository(LedgerEntryOrmEntity).find({
      select: { position: true, hash: true },
      where: { position: In([...positions]) },
    });
    return new Map(rows.map((row) => [row.position, row.hash]));
  }
}

export function toStoredEntry(row: LedgerEntryOrmEntity): StoredEntry {
  return {
    position: row.position,
    eventId: row.eventId,
    eventType: row.eventType,
    documentId: row.documentId,
    sequence: row.sequence,
    envelope: row.envelope,
    canonical: row.canonical,
    documentPrevHash: row.documentPrevHash,
    documentHash: row.documentHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
