import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PUBLICATION_NOTIFICATION_KINDS = ['publish_failed'] as const;
export type PublicationNotificationKind = (typeof PUBLICATION_NOTIFICATION_KINDS)[number];

/** An in-app message for the agency's publishers: a publication run that ended in publish_failed. */
@Entity({ name: 'publication_notifications' })
export class PublicationNotificationOrmEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('uuid', { name: 'publication_id' })
  publicationId!: string;

  /** The run that failed: at most one notification per run. */
  @Column('integer')
  run!: number;

  @Column('text')
  kind!: PublicationNotificationKind;

  @Column('text')
  title!: string;

  @Column('text')
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
