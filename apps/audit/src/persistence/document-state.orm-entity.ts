import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleState } from '@sanshen/workflow';
import { bigintAsNumber } from './bigint.transformer.js';

/** The ledger's own view of one document: its lifecycle state (folded from legal events) and chain head. */
@Entity({ name: 'document_state' })
export class DocumentStateOrmEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  /** Null until the document has a legal `created`. */
  @Column({ type: 'jsonb', nullable: true })
  state!: LifecycleState | null;

  @Column({ name: 'entry_count', type: 'integer' })
  entryCount!: number;

  @Column({ name: 'last_position', type: 'bigint', transformer: bigintAsNumber })
  lastPosition!: number;

  @Column({ name: 'last_event_id', type: 'uuid' })
  lastEventId!: string;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
