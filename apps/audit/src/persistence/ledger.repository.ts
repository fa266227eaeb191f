import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@sanshen/contracts';
import { insertRow, lockRow, updateRow } from '@sanshen/messaging';
import type { LedgerHeadView, StoredEntry } from '../domain/ledger-chain.js';
import type { Violation } from '../domain/lifecycle-verdict.js';
import { LedgerEntryOrmEntity } from './ledger-entry.orm-entity.js';
import { LedgerHeadOrmEntity } from './ledger-head.orm-entity.js';

const HEAD_ID = 1;

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

/** The ledger table and its head: append under the head's lock, read in position order. */
@Injectable()
export class LedgerRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Locks the head row for the rest of the transaction: appends are serialized on it. */
  async lockHead(manager: EntityManager): Promise<LedgerHeadView> {
    const head = await lockRow(manager, LedgerHeadOrmEntity, HEAD_ID);
    if (head === null) throw new Error('ledger_head row is missing: the migration seeds it');
    return { position: head.position, hash: head.hash, eventId: head.eventId };
  }

  async append(manager: EntityManager, entry: NewLedgerEntry): Promise<void> {
    const { envelope } = entry;
    await insertRow(manager, LedgerEntryOrmEntity, {
      position: entry.position,
      eventId: envelope.id,
      eventType: envelope.type,
      documentId: envelope.documentId,
      sequence: envelope.sequence,
      occurredAt: new Date(envelope.occurredAt),
      actorId: envelope.actor.userId,
      onBehalfOfId: envelope.actor.onBehalfOf?.userId ?? null,
      actorAgencyId: envelope.actor.agencyId,
      // jsonb of an arbitrary payload: TypeORM's deep-partial type cannot express `unknown`.
      envelope,
      canonical: entry.canonical,
      documentPrevHash: entry.documentPrevHash,
      documentHash: entry.documentHash,
      prevHash: entry.prevHash,
      hash: entry.hash,
      statusAfter: entry.statusAfter,
      violation: entry.violation,
    });
    await updateRow(manager, LedgerHeadOrmEntity, { id: HEAD_ID, position: entry.position, hash: entry.hash, eventId: envelope.id, updatedAt: new Date() });
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

  /** The next batch of the global chain after `afterPosition`, in position order. */
  async batchAfter(manager: EntityManager, afterPosition: number, size: number): Promise<StoredEntry[]> {
    const rows = await manager.getRepository(LedgerEntryOrmEntity).find({
      where: { position: MoreThan(afterPosition) },
      order: { position: 'ASC' },
      take: size,
    });
    return rows.map(toStoredEntry);
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
