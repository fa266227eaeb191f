import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentReturn } from '@sanshen/contracts';
import type { DocumentKind, DocumentStatus } from '@sanshen/kernel';

@Entity({ name: 'documents' })
export class DocumentOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('text', { name: 'agency_name' })
  agencyName!: string;

  @Column('uuid', { name: 'department_id' })
  departmentId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  kind!: DocumentKind;

  @Column('text')
  title!: string;

  @Column('integer', { nullable: true })
  year!: number | null;

  @Column('text')
  status!: DocumentStatus;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  /** 'imported': created from a published report's text or file (counts as last year's report for XYR-*). */
  @Column('text', { default: 'drafted' })
  origin!: 'drafted' | 'imported';

  /** The drafter's explanation of the annual report's warnings, given at the last submission. */
  @Column('text', { name: 'warnings_explanation', nullable: true })
  warningsExplanation!: string | null;

  /** The last version that received a review decision or was published (default base of a diff). */
  @Column('integer', { name: 'decided_version', nullable: true })
  decidedVersion!: number | null;

  /** It has been at `pending_secrecy` at least once: its secrecy officers read it from then on. */
  @Column('boolean', { name: 'reached_secrecy', default: false })
  reachedSecrecy!: boolean;

  /** Secrecy review cleared it at least once: its publishers read it from then on. */
  @Column('boolean', { default: false })
  cleared!: boolean;

  /** The last return to the drafter (review or secrecy), shown on the document. */
  @Column('jsonb', { name: 'last_return', nullable: true })
  lastReturn!: DocumentReturn | null;

  /** The document's last event sequence known here (own events and those of later owners). */
  @Column('integer', { name: 'event_seq' })
  eventSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
