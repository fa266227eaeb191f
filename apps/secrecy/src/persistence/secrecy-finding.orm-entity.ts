import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FindingDisposition } from '@sanshen/contracts';

/** One finding of a scan and, once someone decided on it, its disposition. */
@Entity({ name: 'secrecy_findings' })
export class SecrecyFindingOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'scan_id' })
  scanId!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  version!: number;

  /** Position in the scan's document order. */
  @Column('integer')
  ordinal!: number;

  @Column('text')
  section!: string;

  @Column('text')
  type!: string;

  @Column('text')
  severity!: 'blocking' | 'warning';

  @Column('integer', { name: 'start_offset' })
  start!: number;

  @Column('integer', { name: 'end_offset' })
  end!: number;

  @Column('text')
  matched!: string;

  @Column('text', { nullable: true })
  suggestion!: string | null;

  @Column('text')
  message!: string;

  @Column('text', { nullable: true })
  disposition!: FindingDisposition | null;

  @Column('text', { name: 'disposition_reason', nullable: true })
  dispositionReason!: string | null;

  @Column('text', { name: 'disposed_by_id', nullable: true })
  disposedById!: string | null;

  @Column('text', { name: 'disposed_by_name', nullable: true })
  disposedByName!: string | null;

  @Column('timestamptz', { name: 'disposed_at', nullable: true })
  disposedAt!: Date | null;
}
