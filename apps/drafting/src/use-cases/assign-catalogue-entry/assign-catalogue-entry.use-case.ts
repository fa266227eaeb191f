import { Injectable } from '@nestjs/common';
import type { AssignCatalogueRequest, AssignedCatalogueView } from '@sanshen/contracts';
import { ANNUAL_REPORT_COLUMN_CODE, beijingDate, DomainError, formatIndexNumber, isArticleContent, serialScope } from '@sanshen/kernel';
import type { Actor, ArticleCatalogue } from '@sanshen/kernel';
import { isAnnualReportContent } from '@sanshen/annual-report';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import type { ColumnRow, IndexNumberRow } from '../../persistence/catalogue.repository.js';
import { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import type { DocumentContent } from '../../content/document-content.js';

/**
 * The 公开目录 entry of a version being pushed, for the publication service (its system actor only).
 * The 索引号 is allocated at the document's first push and kept for ever after (a retry, a correction,
 * another version: the same number). Allocation holds the document's row lock and takes the next serial
 * of its (agency, scope, year) counter in the same transaction: concurrent pushes of an agency queue on
 * the counter row and a rolled-back allocation leaves no gap.
 */
@Injectable()
export class AssignCatalogueEntryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  execute(actor: Actor, request: AssignCatalogueRequest, now = new Date()): Promise<AssignedCatalogueView> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, request.documentId);
      if (document === null || actor.userId !== 'system' || actor.agencyId !== document.agencyId) throw new DomainError('DOCUMENT.NOT_FOUND');
      const version = await manager.findOne(DocumentVersionOrmEntity, { where: { documentId: document.id, version: request.version } });
      if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: request.version });
      const filed = filing(version.content);
      const settings = await this.catalogue.settings(manager, document.agencyId);
      const column = await this.columnOf(manager, document.agencyId, filed.column);
      const number = (await this.catalogue.indexNumber(manager, document.id)) ?? (await this.allocate(manager, document.id, document.agencyId, column.code, settings, now));
      return {
        documentId: document.id,
        indexNumber: number.indexNumber,
        publisher: document.agencyName,
        columnCode: column.code,
        columnName: column.name,
        writtenOn: filed.catalogue.writtenOn ?? beijingDate(number.assignedAt),
        documentNumber: filed.catalogue.documentNumber ?? null,
        topic: filed.catalogue.topic ?? settings.topics[0] ?? '其他',
        openness: filed.catalogue.openness ?? '主动公开',
        assignedAt: new Date(number.assignedAt).toISOString(),
      };
    });
  }

  /** A managed column by code; content from before managed columns named it freely: matched by name, else kept as given. */
  private async columnOf(manager: EntityManager, agencyId: string, given: string): Promise<Pick<ColumnRow, 'code' | 'name'>> {
    const columns = await this.catalogue.columns(manager, agencyId);
    return columns.find((column) => column.code === given) ?? columns.find((column) => column.name === given) ?? { code: given, name: given };
  }

  private async allocate(
    manager: EntityManager,
    documentId: string,
    agencyId: string,
    columnCode: string,
    settings: { agencyCode: string; indexPattern: string },
    now: Date,
  ): Promise<IndexNumberRow> {
    const year = Number(beijingDate(now).slice(0, 4));
    const scope = serialScope(settings.indexPattern, columnCode);
    // A pattern changed by the administrator may produce a number an earlier pattern already gave: skip it.
    for (;;) {
      const serial = await this.catalogue.nextSerial(manager, agencyId, scope, year);
      const indexNumber = formatIndexNumber(settings.indexPattern, { agency: settings.agencyCode, column: columnCode, year, serial });
      if (!(await this.catalogue.indexNumberTaken(manager, agencyId, indexNumber))) {
        const row = { indexNumber, columnCode, year, serial };
        await this.catalogue.insertIndexNumber(manager, documentId, agencyId, row);
        return { ...row, assignedAt: now };
      }
    }
  }
}

/** The column and catalogue fields a version's content names (annual reports: the 年报 column, 成文日期 = 落款日期). */
function filing(content: DocumentContent): { column: string; catalogue: ArticleCatalogue } {
  if (isArticleContent(content)) return { column: content.column, catalogue: content.catalogue ?? {} };
  if (isAnnualReportContent(content)) return { column: ANNUAL_REPORT_COLUMN_CODE, catalogue: content.signatureDate !== undefined ? { writtenOn: content.signatureDate } : {} };
  throw new Error('stored content has an unexpected shape');
}
