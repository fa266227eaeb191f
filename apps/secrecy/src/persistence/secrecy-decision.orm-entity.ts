import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SecrecyConclusion } from '@sanshen/contracts';

/** The 保密审查 decision: a signed, structured record bound to one version's content hash. */
@Entity({ name: 'secrecy_decisions' })
export class SecrecyDecisionOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text')
  conclusion!: SecrecyConclusion;

  @Column('text')
  basis!: string;

  @Column('text')
  opinion!: string;

  @Column('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @Column('text', { name: 'reviewer_name' })
  reviewerName!: string;

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt!: Date;

  /** On the decision that records a referral's answer: the `refer` decision it answers. */
  @Column('uuid', { name: 'referral_decision_id', nullable: true })
  referralDecisionId!: string | null;

  /** The answer's reference (the 保密行政管理部门's reply number). */
  @Column('text', { name: 'answer_reference', nullable: true })
  answerReference!: string | null;
}
