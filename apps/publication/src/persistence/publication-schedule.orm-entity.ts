import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 定时发布: when a version should be published, set before (or while) it is cleared. */
@Entity({ name: 'publication_schedules' })
export class PublicationScheduleOrmEntity {
  @PrimaryColumn('uuid', { name: 'document_id' })
  documentId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text', { name: 'agency_id' })
  agencyId!: string;

  @Column('timestamptz', { name: 'publish_at' })
  publishAt!: Date;

  @Column('text', { name: 'set_by' })
  setBy!: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt!: Date;
}
