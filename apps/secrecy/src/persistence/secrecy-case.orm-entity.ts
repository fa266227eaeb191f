import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentStatus } from '@sanshen/kernel';

/** Secrecy's record of a document: the version under review, who signed it, where it stands. */
@Entity({ name: 'secrecy_cases' })
export class SecrecyCaseOrmEntity {
  @PrimaryColumn('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'department_id' })
  departmentId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

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

  /** Reviewers who signed a level of the current version: none of them may decide here. */
  @Column('jsonb', { name: 'review_signers', default: () => `'[]'::jsonb` })
  reviewSigners!: { signerId: string; level: 1 | 2 | 3 }[];

  /** The `refer` decision awaiting the 保密行政管理部门's answer: the document is held until it is recorded. */
  @Column('uuid', { name: 'open_referral_id', nullable: true })
  openReferralId!: string | null;

  /** The document has been at `pending_secrecy` at least once (its secrecy officers read it from then on). */
  @Column('boolean', { name: 'reached_secrecy', default: false })
  reachedSecrecy!: boolean;

  /** When the document last entered `pending_secrecy`: the officer's task arrived then. */
  @Column('timestamptz', { name: 'entered_at', nullable: true })
  enteredAt!: Date | null;
}
