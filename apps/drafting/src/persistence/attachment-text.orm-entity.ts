import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The text extracted from an attachment's bytes, by their sha256 (the same bytes always give the same
 * text, so versions and documents share it). `text` null: none was extracted (an image: no OCR).
 */
@Entity({ name: 'attachment_texts' })
export class AttachmentTextOrmEntity {
  @PrimaryColumn('text')
  sha256!: string;

  @Column('text', { nullable: true })
  text!: string | null;

  @CreateDateColumn({ name: 'extracted_at', type: 'timestamptz' })
  extractedAt!: Date;
}
