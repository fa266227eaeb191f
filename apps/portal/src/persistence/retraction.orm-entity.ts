import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document withdrawn from the portal (撤稿). One row per document, written once. */
@Entity({ name: 'retractions' })
export class RetractionOrmEntity {
  @PrimaryColumn({ name: 'document_id', type: 'text' })
  documentId!: string;

  @Column({ name: 'publication_id', type: 'text' })
  publicationId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'retracted_at', type: 'timestamptz' })
  retractedAt!: Date;
}
