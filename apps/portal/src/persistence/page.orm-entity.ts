import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PortalAttachment } from '@sanshen/contracts';
import type { CatalogueEntry, DocumentKind } from '@sanshen/kernel';

/**
 * One pushed version of a document, as the public sees it. Rows are never deleted: a newer version
 * marks the previous one superseded, so the page can show its corrections.
 */
@Entity({ name: 'pages' })
@Index('pages_publication_id_key', ['publicationId'], { unique: true })
@Index('pages_document_version_key', ['documentId', 'version'], { unique: true })
@Index('pages_one_live_per_document', ['documentId'], { unique: true, where: 'superseded_at IS NULL' })
export class PageOrmEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The push's Idempotency-Key. */
  @Column({ name: 'publication_id', type: 'text' })
  publicationId!: string;

  @Column({ name: 'document_id', type: 'text' })
  documentId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'agency_name', type: 'text' })
  agencyName!: string;

  @Column({ type: 'text' })
  title!: string;

  /** 栏目 of an article; 年度报告 for annual reports. */
  @Column({ name: 'column_name', type: 'text' })
  columnName!: string;

  /** The managed column's code (null for pushes without a catalogue entry). */
  @Column({ name: 'column_code', type: 'text', nullable: true })
  columnCode!: string | null;

  /** The 政府信息公开目录 entry pushed with the page (null for older pushes). */
  @Column({ type: 'jsonb', nullable: true })
  catalogue!: CatalogueEntry | null;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  /** Sanitized again on receipt; served as is. */
  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'jsonb', nullable: true })
  data!: unknown;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  /** The receipt's URL, kept so a repeated push gets exactly the first answer. */
  @Column({ type: 'text' })
  url!: string;

  /** The portal's clock when the push was first accepted. Never changes. */
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  /** When the document's first version went live here: the date lists and the feed show. */
  @Column({ name: 'first_published_at', type: 'timestamptz' })
  firstPublishedAt!: Date;

  /** What the sender stamped on the push (the freshness check's input), for the record. */
  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  /** The body's text, for the exact check of a search and its excerpt. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** Search terms of the title and text (search-tokens.ts), GIN-indexed. */
  @Column({ name: 'search_tokens', type: 'text', array: true })
  searchTokens!: string[];
  /** 附件 of this version; their bytes are in the portal's attachment store, by sha256. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: PortalAttachment[];

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}
