import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { lockRow, readRow, readRows, updateRow } from '@sanshen/messaging';
import type { DocumentKind, DocumentStatus } from '@sanshen/kernel';
import type { ReadScope } from '@sanshen/workflow';
import { Brackets, DataSource, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { DocumentVersionOrmEntity } from './document-version.orm-entity.js';
import { DocumentOrmEntity } from './document.orm-entity.js';

export interface DocumentFilter {
  /** What the reader may see (the visibility policy's scope): applied in the query itself. */
  scope: ReadScope;
  status?: DocumentStatus;
  kind?: string;
  year?: number;
  departmentId?: string;
  q?: string;
  limit: number;
  /** updated_at|id of the last item of the previous page. */
  after?: { updatedAt: Date; id: string };
}

@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentOrmEntity | null> {
    return readRow(manager, DocumentOrmEntity, id);
  }

  /** Locks the row for the rest of the transaction: concurrent writers queue behind it. */
  findForUpdate(manager: EntityManager, id: string): Promise<DocumentOrmEntity | null> {
    return lockRow(manager, DocumentOrmEntity, id);
  }

  async findVersion(documentId: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<DocumentVersionOrmEntity | null> {
    const [found] = await readRows(manager, DocumentVersionOrmEntity, 'by_number', 'document_id = $1 AND version = $2', [documentId, version]);
    return found ?? null;
  }

  /**
   * A document and its current version, the two read side by side (two connections: one round trip's
   * wait, not two). Should a revision commit between the two reads, the version the document names is
   * read again. Null when there is no such document.
   */
  async findWithCurrentVersion(id: string): Promise<{ document: DocumentOrmEntity; version: DocumentVersionOrmEntity | null } | null> {
    const [document, [current]] = await Promise.all([
      this.findById(id),
      readRows(this.dataSource.manager, DocumentVersionOrmEntity, 'current', 'document_id = $1 AND version = (SELECT version FROM documents WHERE id = $1)', [id]),
    ]);
    if (document === null) return null;
    const version = current?.version === document.version ? current : await this.findVersion(id, document.version);
    return { document, version };
  }

  /** The version a request names (default: the current one); 404 DOCUMENT.NOT_FOUND when there is none. */
  async requestedVersion(document: DocumentOrmEntity, number: number = document.version): Promise<DocumentVersionOrmEntity> {
    const version = await this.findVersion(document.id, number);
    if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: number });
    return version;
  }

  /** The agency's annual report for a year, if there is one (one per agency and year). */
  findAnnualReport(agencyId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<DocumentOrmEntity | null> {
    return manager.findOne(DocumentOrmEntity, { where: { agencyId, year, kind: 'annual_report', status: Not('discarded') } });
  }

  /** Every agency's annual report for a year. */
  findAnnualReportsOfYear(year: number): Promise<DocumentOrmEntity[]> {
    return this.dataSource.manager.find(DocumentOrmEntity, { where: { year, kind: 'annual_report', status: Not('discarded') }, order: { agencyName: 'ASC' } });
  }

  listVersions(documentId: string): Promise<DocumentVersionOrmEntity[]> {
    return this.dataSource.manager.find(DocumentVersionOrmEntity, { where: { documentId }, order: { version: 'ASC' } });
  }

  async insert(manager: EntityManager, document: DocumentOrmEntity, version: DocumentVersionOrmEntity): Promise<void> {
    await manager.insert(DocumentOrmEntity, document);
    await manager.insert(DocumentVersionOrmEntity, version as QueryDeepPartialEntity<DocumentVersionOrmEntity>);
  }

  async insertVersion(manager: EntityManager, version: DocumentVersionOrmEntity): Promise<void> {
    await manager.insert(DocumentVersionOrmEntity, version as QueryDeepPartialEntity<DocumentVersionOrmEntity>);
  }

  /** Writes back a document read in this transaction (one UPDATE). */
  async save(manager: EntityManager, document: DocumentOrmEntity): Promise<void> {
    await updateRow(manager, DocumentOrmEntity, document);
  }

  async search(filter: DocumentFilter): Promise<DocumentOrmEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(DocumentOrmEntity, 'd')
      .where('d.agency_id = :agencyId', { agencyId: filter.scope.agencyId })
      .andWhere(visibleIn(filter.scope))
      // A discarded draft (删除草稿) leaves every list; its history stays in the ledger.
      .andWhere(`d.status <> 'discarded'`)
      .orderBy('d.updated_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(filter.limit);
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.year) query.andWhere('d.year = :year', { year: filter.year });
    if (filter.departmentId) query.andWhere('d.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.q) query.andWhere('d.title ILIKE :q', { q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (filter.after) {
      query.andWhere('(d.updated_at, d.id) < (:updatedAt, :id)', filter.after);
    }
    return query.getMany();
  }

  /**
   * These documents, those inside the scope only, with the 栏目 of an article's current version (from
   * its content): what a list row shows.
   */
  async summaries(
    scope: ReadScope,
    ids: string[],
  ): Promise<(DocumentOrmEntity & { column: string | null; findingCounts: { total: number; blocking: number } | null })[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(DocumentOrmEntity, 'd')
      .leftJoin(DocumentVersionOrmEntity, 'v', 'v.document_id = d.id AND v.version = d.version')
      // The managed column's name (older content named the column itself).
      .leftJoin('site_columns', 'sc', `sc.agency_id = d.agency_id AND sc.code = v.content ->> 'column'`)
      .addSelect(`COALESCE(sc.name, v.content ->> 'column')`, 'column')
      .addSelect('v.finding_counts', 'finding_counts')
      .where('d.id = ANY(:ids)', { ids })
      .andWhere('d.agency_id = :agencyId', { agencyId: scope.agencyId })
      .andWhere(visibleIn(scope))
      .andWhere(`d.status <> 'discarded'`)
      .getRawAndEntities<{ d_id: string; column: string | null; finding_counts: { total: number; blocking: number } | null }>();
    const raw = new Map(rows.raw.map((row) => [row.d_id, row]));
    return rows.entities.map((entity) =>
      Object.assign(entity, {
        column: entity.kind === 'article' ? (raw.get(entity.id)?.column ?? null) : null,
        findingCounts: raw.get(entity.id)?.finding_counts ?? null,
      }),
    );
  }

  /** Documents of an agency by status and kind: counts only, no titles or content. */
  async countByStatus(agencyId: string): Promise<{ status: DocumentStatus; kind: DocumentKind; count: number }[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(DocumentOrmEntity, 'd')
      .select('d.status', 'status')
      .addSelect('d.kind', 'kind')
      .addSelect('count(*)::int', 'count')
      .where('d.agency_id = :agencyId', { agencyId })
      .andWhere(`d.status <> 'discarded'`)
      .groupBy('d.status')
      .addGroupBy('d.kind')
      .orderBy('d.status')
      .addOrderBy('d.kind')
      .getRawMany<{ status: DocumentStatus; kind: DocumentKind; count: number }>();
    return rows;
  }
}

/** The visibility policy's scope as a WHERE clause over alias `d` (agency is matched separately). */
function visibleIn(scope: ReadScope): Brackets {
  return new Brackets((where) => {
    where.where('false');
    if (scope.allDepartments) where.orWhere('true');
    if (scope.departmentIds.length > 0) where.orWhere('d.department_id = ANY(:departmentIds)', { departmentIds: scope.departmentIds });
    if (scope.fromSecrecy) where.orWhere('d.reached_secrecy');
    if (scope.fromClearance) where.orWhere('d.cleared');
  });
}
