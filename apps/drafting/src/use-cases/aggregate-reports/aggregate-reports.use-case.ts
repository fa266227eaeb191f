import { Injectable } from '@nestjs/common';
import { aggregateReports } from '@sanshen/annual-report';
import type { AnnualReport } from '@sanshen/annual-report';
import type { AggregateReportsRequest, AggregateView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, DocumentStatus } from '@sanshen/kernel';
import { contentToReport, isAnnualReportContent, reportToContent } from '../../content/annual-report-content.js';
import type { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';

/** 本级汇总 sums report content: the principal's; the 三员 roles read no document content. */
const MAY_AGGREGATE = ['principal'] as const;

/** The municipal aggregate body's name on the summed report. */
const AGGREGATE_AGENCY = '本级汇总';

/**
 * 本级汇总: the summed tables of every agency's report for a year. A report counts once it is final
 * (published through Sanshen, or imported from a published text); the rest are listed as missing
 * with their status, as are expected agencies without any report. Reports failing error-level rules
 * (blank-as-zero, as for published reports) are summed and listed as failing.
 */
@Injectable()
export class AggregateReportsUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: AggregateReportsRequest): Promise<AggregateView> {
    if (!MAY_AGGREGATE.some((role) => actor.roles.includes(role))) {
      throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { required: MAY_AGGREGATE });
    }
    const documents = await this.documents.findAnnualReportsOfYear(request.year);
    const included: { document: DocumentOrmEntity; report: AnnualReport }[] = [];
    const missing: AggregateView['missing'] = [];
    for (const document of documents) {
      if (document.status !== 'published' && document.origin !== 'imported') {
        missing.push({ agencyId: document.agencyId, agencyName: document.agencyName, reason: '报告尚未发布', ...reference(actor, document) });
        continue;
      }
      const version = await this.documents.findVersion(document.id, document.version);
      if (version === null || !isAnnualReportContent(version.content)) continue;
      // Agencies are told apart by id; the name on the report is the agency's as the system knows it.
      const report = { ...contentToReport(version.content), agency: { name: document.id } };
      included.push({ document, report });
    }
    const seen = new Set(documents.map((d) => d.agencyId));
    for (const agency of request.expectedAgencies ?? []) {
      if (!seen.has(agency.id)) missing.push({ agencyId: agency.id, agencyName: agency.name, reason: '未提交年度报告' });
    }
    const aggregate = aggregateReports({
      reportYear: request.year,
      agency: { name: AGGREGATE_AGENCY },
      reports: included.map((i) => i.report),
      mode: 'blank-as-zero',
    });
    if (!aggregate.ok) throw new DomainError('ANNUAL_REPORT.YEAR_UNSUPPORTED', { year: request.year }, aggregate.error.message);
    const byId = new Map(included.map((i) => [i.document.id, i.document]));
    const summed = new Set(aggregate.value.included);
    for (const exclusion of aggregate.value.excluded) {
      const document = byId.get(exclusion.agency);
      if (document) missing.push({ agencyId: document.agencyId, agencyName: document.agencyName, reason: exclusion.reason, ...reference(actor, document) });
    }
    return {
      year: request.year,
      format: aggregate.value.report.format,
      tables: { ...reportToContent(aggregate.value.report).tables },
      incompleteCells: aggregate.value.incompleteCells,
      included: included
        .filter((i) => summed.has(i.document.id))
        .map(({ document }) => ({ agencyId: document.agencyId, agencyName: document.agencyName, version: document.version, ...reference(actor, document) })),
      missing,
      failing: aggregate.value.failing.flatMap((f) => {
        const document = byId.get(f.agency);
        return document ? [{ agencyId: document.agencyId, agencyName: document.agencyName, ruleIds: f.errors, ...reference(actor, document) }] : [];
      }),
    };
  }
}

/**
 * Which report it is, where the caller may know: their own agency's, or one published (public). Another
 * agency's unpublished report is named only by its agency, so its existence and state do not leak.
 */
function reference(actor: Actor, document: DocumentOrmEntity): { documentId?: string; status?: DocumentStatus } {
  if (document.agencyId !== actor.agencyId && document.status !== 'published') return {};
  return { documentId: document.id, status: document.status };
}
