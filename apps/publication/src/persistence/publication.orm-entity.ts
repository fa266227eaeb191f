import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentStatus } from '@sanshen/kernel';

export const PUBLICATION_STATES = ['scheduled', 'publishing', 'published', 'publish_failed', 'retracted'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** One publication of one signed version of a document (at most one per version). */
@Entity({ name: 'publications' })
export class PublicationOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  version!: number;

  /** The hash every signer bound; what is pushed must hash to exactly this. */
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text', { name: 'agency_id' })
  agencyId!: string;

  @Column('text')
  state!: PublicationState;

  /** The document's last event sequence this service knows (it emits event_seq + 1 next). */
  @Column('integer', { name: 'event_seq' })
  eventSeq!: number;

  /** 0 for the first run, n after the n-th retry by a publisher. */
  @Column('integer')
  run!: number;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  /** The event that started the current run (publish_started or publish_retried). */
  @Column('uuid', { name: 'cause_event_id', nullable: true })
  causeEventId!: string | null;

  @Column('timestamptz', { name: 'scheduled_at', nullable: true })
  scheduledAt!: Date | null;

  @Column('text', { name: 'receipt_url', nullable: true })
  receiptUrl!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'receipt_content_hash', nullable: true })
  receiptContentHash!: string | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason!: string | null;

  /** 撤稿: the publisher's request … */
  @Column('text', { name: 'retract_reason', nullable: true })
  retractReason!: string | null;

  @Column('text', { name: 'retract_requested_by', nullable: true })
  retractRequestedBy!: string | null;

  @Column('timestamptz', { name: 'retract_requested_at', nullable: true })
  retractRequestedAt!: Date | null;

  /** … and the principal's authorization (a second person). */
  @Column('text', { name: 'retract_authorized_by', nullable: true })
  retractAuthorizedBy!: string | null;

  @Column('timestamptz', { name: 'retracted_at', nullable: true })
  retractedAt!: Date | null;

  /** 更正: a drafter reopened this published version; the document is a draft again. */
  @Column('timestamptz', { name: 'correction_started_at', nullable: true })
  correctionStartedAt!: Date | null;

  @Column('text', { name: 'correction_started_by', nullable: true })
  correctionStartedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The document status a publication state stands for (a scheduled publication is still approved). */
export function documentStatusOf(state: PublicationState): Exclude<DocumentStatus, 'draft' | `pending_${string}`> {
  return state === 'scheduled' ? 'approved' : state;
}

/** The document's status as this publication knows it: a published version reopened for a correction is a draft again. */
export function documentStatusFor(publication: Pick<PublicationOrmEntity, 'state' | 'correctionStartedAt'>): DocumentStatus {
  return publication.state === 'published' && publication.correctionStartedAt !== null ? 'draft' : documentStatusOf(publication.state);
}
