import { checkReport } from '@sanshen/annual-report';
import type { AnnualReport, Finding } from '@sanshen/annual-report';
import { STARTER_DICTIONARY, STARTER_EXCEPTIONS, compileDictionary, documentSections, scanSections } from '@sanshen/content-checks';
import type { SectionFinding, TextSection } from '@sanshen/content-checks';
import type { ArticleContent, ConsistencyFindingView, ContentFindingView, DocumentCheckView } from '@sanshen/contracts';
import { contentToReport } from '../../content/annual-report-content.js';
import type { AnnualReportContent } from '../../content/annual-report-content.js';
import type { PreviousYearReport } from '../previous-year-report.js';

const DICTIONARY = compileDictionary(STARTER_DICTIONARY, STARTER_EXCEPTIONS).dictionary;

type Checked = Omit<DocumentCheckView, 'documentId' | 'version'>;

/** The rules of libs/annual-report (strict mode, with last year's report when known) and the content checks. */
export function checkAnnualReport(content: AnnualReportContent, previous: PreviousYearReport | null): Checked {
  const report: AnnualReport = contentToReport(content);
  const check = checkReport(report, { mode: 'strict', previous: previous?.report ?? null });
  const failing = new Set(check.outcomes.filter((o) => o.status === 'FAIL').map((o) => o.ruleId));
  const bySeverity = (severity: Finding['severity']): ConsistencyFindingView[] =>
    check.findings.filter((f) => f.severity === severity && (severity === 'info' || failing.has(f.ruleId))).map(toView);
  return {
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    notices: bySeverity('info'),
    // The same sections the secrecy scan reads (`title`, `sections.<key>`), so drafters see its findings first.
    findings: scanWithStarterDictionary(documentSections('annual_report', content)),
    outcomes: check.outcomes.map((o) => ({ ruleId: o.ruleId, severity: o.severity, status: o.status })),
    previousReport: previous ? { documentId: previous.documentId, version: previous.version, year: previous.year } : null,
  };
}

export function checkArticle(content: ArticleContent): Checked {
  return {
    errors: [],
    warnings: [],
    notices: [],
    findings: scanWithStarterDictionary(documentSections('article', content)),
    outcomes: [],
    previousReport: null,
  };
}

/** The content checks with the built-in starter dictionary (until drafting holds a copy of the secrecy dictionary). */
export function scanWithStarterDictionary(sections: TextSection[]): ContentFindingView[] {
  const result = scanSections(sections, { dictionary: DICTIONARY });
  if (!result.ok) return [];
  return result.value.map(toContentFindingView);
}

export function toContentFindingView(f: SectionFinding): ContentFindingView {
  return {
    section: f.section,
    type: f.type,
    severity: f.severity,
    start: f.start,
    end: f.end,
    matched: f.matched,
    suggestion: f.suggestion,
    message: f.message,
  };
}

function toView(finding: Finding): ConsistencyFindingView {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    table: finding.table,
    row: finding.row,
    column: finding.column,
    expected: finding.expected,
    actual: finding.actual,
    cells: finding.cells,
  };
}
