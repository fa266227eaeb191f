// Model and formats
export { FORMATS, FORMAT_IDS, formatForYear } from './model/format.js';
export type { FormatError, FormatErrorCode, FormatId, FormatInfo } from './model/format.js';
export type {
  ActiveDisclosure2019,
  ActiveDisclosure2021,
  Agency,
  AgencyKind,
  AnnualReport,
  AnnualReport2019,
  AnnualReport2021,
  ApplicantBreakdown,
  ApplicationSubtotals,
  Applications2019,
  Applications2021,
  Cell,
  ExtractionFacts,
  ReportSections,
  ReviewLitigation,
  ReviewOutcomes,
  SectionHeading,
  SectionId,
  TableId,
} from './model/report.js';
export { APPLICATIONS_NOTE, SECTION_HEADINGS, SECTION_HEADING_VARIANTS, SECTION_ORDER } from './model/labels.js';
export { APPLICANT_COLUMNS, CELL_RANGES, REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS, tablesOf } from './model/grid.js';
export type { CellKind, ColumnDef, RowDef, SubTableDef } from './model/grid.js';
export { cellDef, cellsOf, readCell, writeCell } from './model/cells.js';
export type { CellDef } from './model/cells.js';
export { createEmptyReport } from './model/create-report.js';
export type { NewReportInput } from './model/create-report.js';
export { contentToReport, isAnnualReportContent, reportToContent } from './model/document-content.js';
export type { AnnualReportContent } from './model/document-content.js';
export { prefillFromPreviousYear } from './model/prefill.js';
export type { Prefilled, PrefillError } from './model/prefill.js';

// Rules
export { RULES } from './rules/catalogue.js';
export { checkReport } from './rules/check-report.js';
export type { CheckOptions, ReportCheck } from './rules/check-report.js';
export type { CheckMode, Finding, Rule, RuleId, RuleOutcome, RuleStatus, Severity } from './rules/types.js';

// Import
export { importReportText } from './import/import-report.js';
export type { AmbiguousCell, ImportError, ImportErrorCode, ImportedReport } from './import/import-report.js';
export type { UnplacedItem } from './import/source-lines.js';
export { importReportHtml } from './import/import-html.js';

// Rendering
export { renderReportFragment, renderReportHtml } from './render/render-html.js';
export { htmlToText } from './render/html-text.js';
export { toReportJson } from './render/report-json.js';
export type { JsonOptions } from './render/report-json.js';

// 本级汇总
export { aggregateReports } from './aggregate/aggregate.js';
export type { AggregateExclusion, AggregateInput, MunicipalAggregate } from './aggregate/aggregate.js';

// A complete, consistent sample report (for tests and benchmarks of callers)
export { sampleReport } from './model/sample-report.js';
