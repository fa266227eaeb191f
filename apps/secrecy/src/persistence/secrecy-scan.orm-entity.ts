import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The automated checks of one version: which content (hash) and which dictionary version. */
@Entity({ name: 'secrecy_scans' })
export class SecrecyScanOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('integer', { name: 'dictionary_version' })
  dictionaryVersion!: number;

  @Column('timestamptz', { name: 'scanned_at' })
  scannedAt!: Date;
}
