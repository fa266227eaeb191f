import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EventEnvelope } from '@sanshen/contracts';
import type { Violation } from '../domain/lifecycle-verdict.js';
import { bigintAsNumber } from './bigint.transformer.js';

/** One appended event: append-only (no UPDATE/DELETE grant, and a trigger refusing both). */
@Entity({ name: 'ledger_entry' })
export class LedgerEntryOrmEntity {
  /** 1, 2, 3…: the place in the global chain, gap-free (assigned from ledger_head, not a sequence). */
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  position!: number;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false })
  recordedAt!: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'on_behalf_of_id', type: 'text', nullable: true })
  onBehalfOfId!: string | null;

  @Column({ name: 'actor_agency_id', type: 'text' })
  actorAgencyId!: string;

  @Column({ type: 'jsonb' })
  envelope!: EventEnvelope;

  /** The exact text that was hashed: canonicalJson(envelope). */
  @Column({ type: 'text' })
  canonical!: string;

  @Column({ name: 'document_prev_hash', type: 'text' })
  documentPrevHash!: string;

  @Column({ name: 'document_hash', type: 'text' })
  documentHash!: string;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'status_after', type: 'text', nullable: true })
  statusAfter!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  violation!: Violation | null;
}
