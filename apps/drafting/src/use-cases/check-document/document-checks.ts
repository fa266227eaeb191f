import { checkReport } from '@sanshen/annual-report';
import type { AnnualReport, Finding } from '@sanshen/annual-report';
import type { ConsistencyFindingView, DocumentCheckView } from '@sanshen/contracts';
import { contentToReport } from '../../content/annual-report-content.js';
import type { AnnualReportContent } from '../../content/annual-report-content.js';
import type { PreviousYearReport } from '../previous-year-report.js';

/** What the rules say of a version; the content checks (`findings`) are the dictionary copy's. */
export type RuleCheck = Omit<DocumentCheckView, 'documentId' | 'version' | 'findings' | 'dictionaryVersion'>;

/** An article has no rules: its check is the content checks alone. */
export const NO_RULES: RuleCheck = { errors: [], warnings: [], notices: [], outcomes: [], previousReport: null };

/** The rules of libs/annual-report (strict mode, with last year's report when known). */
export function checkAnnualReport(content: AnnualReportContent, previous: PreviousYearReport | null): RuleCheck {
  const report: AnnualReport = contentToReport(content);
  const check = checkReport(report, { mode: 'strict', previous: previous?.report ?? null });
  const failing = new Set(check.outcomes.filter((o) => o.status === 'FAIL').map((o) => o.ruleId));
  const bySeverity = (severity: Finding['severity']): ConsistencyFindingView[] =>
    check.findings.filter((f) => f.severity === severity && (severity === 'info' || failing.has(f.ruleId))).map(toView);
  return {
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    notices: bySeverity('info'),
    outcomes: check.outcomes.map((o) => ({ ruleId: o.ruleId, severity: o.severity, status: o.status })),
    previousReport: previous ? { documentId: previous.documentId, version: previous.version, year: previous.year } : null,
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
