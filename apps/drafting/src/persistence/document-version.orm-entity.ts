import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ExplainedFinding } from '@sanshen/contracts';
import type { DocumentContent } from '../content/document-content.js';

@Entity({ name: 'document_versions' })
export class DocumentVersionOrmEntity {
  @PrimaryColumn('uuid', { name: 'document_id' })
  documentId!: string;

  @PrimaryColumn('integer')
  version!: number;

  /** What the version says, in the one shape of its kind (checked by kind where it is read). */
  @Column('jsonb')
  content!: DocumentContent;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text')
  title!: string;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Blocking content-check findings the drafter explained when submitting this version. */
  @Column('jsonb', { name: 'finding_explanations', default: () => "'[]'" })
  findingExplanations!: ExplainedFinding[];

  /** Content-check findings counted when this version was submitted (null: never submitted). */
  @Column('jsonb', { name: 'finding_counts', nullable: true })
  findingCounts!: { total: number; blocking: number } | null;
}
