import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reviewer's signature: it binds (document, version, content hash) at one level. */
@Entity({ name: 'review_signatures' })
export class ReviewSignatureOrmEntity {
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
  decision!: 'approved' | 'returned';

  @Column('uuid', { name: 'signer_id' })
  signerId!: string;

  @Column('text', { name: 'signer_name' })
  signerName!: string;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { name: 'signed_at', default: () => 'now()' })
  signedAt!: Date;
}
