import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordedSignature, ReviewDecisionKind } from '../domain/review-case.js';

/** A reviewer's signature: it binds (document, version, content hash) at one level. */
@Entity({ name: 'review_signatures' })
export class ReviewSignatureOrmEntity implements RecordedSignature {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('smallint')
  level!: 1 | 2 | 3;

  @Column('text')
  decision!: ReviewDecisionKind;

  @Column('uuid', { name: 'signer_id' })
  signerId!: string;

  @Column('text', { name: 'signer_name' })
  signerName!: string;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** Set when signed under a delegation: the reviewer the signer stood in for ("signer 代 this"). */
  @Column('uuid', { name: 'on_behalf_of_id', nullable: true })
  onBehalfOfId!: string | null;

  @Column('text', { name: 'on_behalf_of_name', nullable: true })
  onBehalfOfName!: string | null;

  @Column('timestamptz', { name: 'signed_at', default: () => 'now()' })
  signedAt!: Date;
}
