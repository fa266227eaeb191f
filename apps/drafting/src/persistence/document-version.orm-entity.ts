import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'document_versions' })
export class DocumentVersionOrmEntity {
  @PrimaryColumn('uuid', { name: 'document_id' })
  documentId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('jsonb')
  content!: Record<string, unknown>;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text')
  title!: string;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
