import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull } from 'typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { PageOrmEntity } from './page.orm-entity.js';
import { RetractionOrmEntity } from './retraction.orm-entity.js';

/** First key of the portal's advisory locks ('PORT'), so they never meet another service's. */
const DOCUMENT_LOCK_CLASS = 0x504f5254;

export type NewPage = Omit<PageOrmEntity, 'id' | 'supersededAt'>;
/** A page without its body, for lists, the feed's index and the sitemap. */
export type PageSummary = Omit<PageOrmEntity, 'html' | 'data' | 'searchText' | 'searchTokens'>;
/** One page of a paginated list. */
export interface PageSlice<T> {
  items: T[];
  total: number;
}
/** A column of an agency as its pages name it (the newest page's name wins). */
export interface ColumnSummary {
  code: string;
  name: string;
  count: number;
}
export interface Agency {
  id: string;
  name: string;
}

const SUMMARY_COLUMNS = [
  'id',
  'publicationId',
  'documentId',
  'version',
  'kind',
  'agencyId',
  'agencyName',
  'title',
  'columnName',
  'columnCode',
  'catalogue',
  'year',
  'contentHash',
  'url',
  'publishedAt',
  'firstPublishedAt',
  'sentAt',
  'supersededAt',
] as const satisfies readonly (keyof PageSummary)[];

/** The portal's pages and retractions. Writes take the use case's transaction. */
@Injectable()
export class PageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes every write about one document until the transaction ends. */
  async lockDocument(tx: EntityManager, documentId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK_CLASS, documentId]);
  }

  findByPublicationId(publicationId: string, manager: EntityManager = this.dataSource.manager): Promise<PageOrmEntity | null> {
    return manager.findOneBy(PageOrmEntity, { publicationId });
  }

  findLive(tx: EntityManager, documentId: string): Promise<PageOrmEntity | null> {
    return tx.findOneBy(PageOrmEntity, { documentId, supersededAt: IsNull() });
  }

  async supersede(tx: EntityManager, pageId: string, at: Date): Promise<void> {
    await tx.update(PageOrmEntity, { id: pageId }, { supersededAt: at });
  }

  async insert(tx: EntityManager, page: NewPage): Promise<PageOrmEntity> {
    return tx.save(PageOrmEntity, tx.create(PageOrmEntity, { ...page, supersededAt: null }));
  }

  findRetraction(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<RetractionOrmEntity | null> {
    return manager.findOneBy(RetractionOrmEntity, { documentId });
  }

  async insertRetraction(tx: EntityManager, retraction: RetractionOrmEntity): Promise<void> {
    await tx.insert(RetractionOrmEntity, retraction);
  }

  /** Every version of a document, oldest first. */
  history(documentId: string): Promise<PageOrmEntity[]> {
    return this.dataSource.manager.find(PageOrmEntity, { where: { documentId }, order: { version: 'ASC' } });
  }

  /**
   * The document behind a report address: the latest report pushed for that agency and year, one
   * still standing before one withdrawn.
   */
  async reportDocumentId(agencyId: string, year: number): Promise<string | null> {
    const rows = await this.dataSource.manager.query<{ document_id: string }[]>(
      `SELECT p.document_id
         FROM portal.pages p
         LEFT JOIN portal.retractions r ON r.document_id = p.document_id
        WHERE p.agency_id = $1 AND p.year = $2 AND p.kind = 'annual_report' AND p.superseded_at IS NULL
        ORDER BY (r.document_id IS NOT NULL), p.published_at DESC
        LIMIT 1`,
      [agencyId, year],
    );
    return rows[0]?.document_id ?? null;
  }

  /** Live, not retracted pages, most recently first published first. */
  latest(limit: number): Promise<PageSummary[]> {
    return this.visible().orderBy('p.firstPublishedAt', 'DESC').limit(limit).getMany();
  }

  /** Live pages with their bodies, for the feed. */
  latestWithBodies(limit: number): Promise<PageOrmEntity[]> {
    return this.visible(true).orderBy('p.firstPublishedAt', 'DESC').limit(limit).getMany();
  }

  ofAgency(agencyId: string): Promise<PageSummary[]> {
    return this.visible().andWhere('p.agency_id = :agencyId', { agencyId }).orderBy('p.firstPublishedAt', 'DESC').getMany();
  }

  /** Agencies with at least one visible page, named as on their latest page. */
  async agencies(): Promise<Agency[]> {
    const rows = await this.dataSource.manager.query<{ id: string; name: string }[]>(
      `SELECT DISTINCT ON (p.agency_id) p.agency_id AS id, p.agency_name AS name
         FROM portal.pages p
        WHERE p.superseded_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM portal.retractions r WHERE r.document_id = p.document_id)
        ORDER BY p.agency_id, p.published_at DESC`,
    );
    return rows;
  }

  /** The visible articles of one column of an agency, newest first, one slice. */
  async ofColumn(agencyId: string, columnCode: string, offset: number, limit: number): Promise<PageSlice<PageSummary>> {
    const query = this.visible().andWhere('p.agency_id = :agencyId AND p.column_code = :columnCode', { agencyId, columnCode });
    const [items, total] = await query.orderBy('p.firstPublishedAt', 'DESC').addOrderBy('p.id').skip(offset).take(limit).getManyAndCount();
    return { items, total };
  }

  /** An agency's columns that hold a visible page, named as on their newest page. */
  async columnsOf(agencyId: string): Promise<ColumnSummary[]> {
    return this.dataSource.manager.query<ColumnSummary[]>(
      `SELECT column_code AS code, (array_agg(column_name ORDER BY published_at DESC))[1] AS name, count(*)::int AS count
         FROM portal.pages p
        WHERE p.agency_id = $1 AND p.column_code IS NOT NULL AND p.superseded_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM portal.retractions r WHERE r.document_id = p.document_id)
        GROUP BY column_code
        ORDER BY max(first_published_at) DESC`,
      [agencyId],
    );
  }

  /**
   * Visible pages holding every term (the GIN index on `search_tokens` narrows), then containing every
   * phrase in the title or text (the exact check on those candidates); title hits first, then newest.
   */
  async search(terms: string[], phrases: string[], offset: number, limit: number): Promise<PageSlice<PageSummary & { searchText: string }>> {
    const query = this.visible()
      .addSelect('p.searchText')
      .andWhere('p.search_tokens @> CAST(:terms AS text[])', { terms });
    phrases.forEach((phrase, index) => {
      query.andWhere(`strpos(lower(p.title || ' ' || p.search_text), :phrase${index}) > 0`, { [`phrase${index}`]: phrase });
    });
    const titleHit = phrases.length > 0 ? `(strpos(lower(p.title), :phrase0) > 0)` : 'false';
    const [items, total] = await query
      .addSelect(titleHit, 'title_hit')
      .orderBy('title_hit', 'DESC')
      .addOrderBy('p.firstPublishedAt', 'DESC')
      .addOrderBy('p.id')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return { items, total };
  }

  private visible(withBodies = false): SelectQueryBuilder<PageOrmEntity> {
    const query = this.dataSource.manager
      .createQueryBuilder(PageOrmEntity, 'p')
      .where('p.superseded_at IS NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM portal.retractions r WHERE r.document_id = p.document_id)');
    return withBodies ? query : query.select(SUMMARY_COLUMNS.map((column) => `p.${column}`));
  }
}
