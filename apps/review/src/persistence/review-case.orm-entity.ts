import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus, ReviewLevel } from '@sanshen/kernel';
import type { ReviewCase } from '../domain/review-case.js';

/** Review's own record of a submitted document: what version is under review and at which level. */
@Entity({ name: 'review_cases' })
export class ReviewCaseOrmEntity implements ReviewCase {
  @PrimaryColumn('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'department_id' })
  departmentId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('uuid', { name: 'submitter_id' })
  submitterId!: string;

  @Column('text')
  kind!: DocumentKind;

  @Column('text')
  title!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text')
  status!: DocumentStatus;

  @Column('integer', { name: 'event_seq' })
  eventSeq!: number;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  /** When the current level's task opened (for inbox order and due dates). */
  @Column('timestamptz', { name: 'stage_entered_at' })
  stageEnteredAt!: Date;

  /** Display name of the submitter (the drafter), from the `submitted` event, for the approval sheet. */
  @Column('text', { name: 'submitter_name', default: '' })
  submitterName!: string;

  /** The level that last returned this version to the drafter: an unchanged resubmission resumes there. */
  @Column('smallint', { name: 'returned_level', nullable: true })
  returnedLevel!: ReviewLevel | null;

  /** The current task's reminder and escalation (cleared when the case moves). */
  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;
}
