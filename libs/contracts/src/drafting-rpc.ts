import type { ArticleCatalogue, ArticleContent, CatalogueEntry, DocumentKind, DocumentStatus, Openness } from '@sanshen/kernel';

/** RPC patterns of the drafting service. Wire contracts: never rename. */
export const DRAFTING_RPC = {
  create: 'drafting.document.create',
  get: 'drafting.document.get',
  list: 'drafting.document.list',
  revise: 'drafting.document.revise',
  submit: 'drafting.document.submit',
  getVersion: 'drafting.version.get',
  listVersions: 'drafting.version.list',
  check: 'drafting.document.check',
  importReport: 'drafting.document.import',
  diff: 'drafting.document.diff',
  aggregate: 'drafting.annual-report.aggregate',
  render: 'drafting.annual-report.render',
  access: 'drafting.document.access',
  discard: 'drafting.document.discard',
  /** Titles and names of several documents, those the caller may read only (DocumentSummaryList). */
  summaries: 'drafting.document.summaries',
  counts: 'drafting.document.counts',
  /** Managed columns (栏目) of an agency: list (any member), create / update / reorder (its admin). */
  columnList: 'drafting.column.list',
  columnCreate: 'drafting.column.create',
  columnUpdate: 'drafting.column.update',
  columnReorder: 'drafting.column.reorder',
  /** The agency's 政府信息公开目录 settings: read (any member), update (its admin). */
  catalogueSettings: 'drafting.catalogue.settings',
  catalogueUpdate: 'drafting.catalogue.update',
  /** The system actor of publication: the document's 公开目录 entry, its 索引号 allocated on first call. */
  catalogueAssign: 'drafting.catalogue.assign',
  /** 附件 (libs/contracts/src/attachments.ts): each makes a new version like any edit. */
  addAttachment: 'drafting.attachment.add',
  removeAttachment: 'drafting.attachment.remove',
  getAttachment: 'drafting.attachment.get',
  attachmentText: 'drafting.attachment.text',
} as const;

/** An ordinary website item: title, column (栏目) and sanitized rich text (the kernel's shape, on the wire as is). */
export type { ArticleContent };

export interface CreateArticleRequest {
  kind: 'article';
  title: string;
  /** The code of one of the agency's active columns. */
  column: string;
  body: string;
  catalogue?: ArticleCatalogue;
}

/** One managed column (栏目) of an agency. */
export interface ColumnView {
  code: string;
  name: string;
  position: number;
  /** Retired columns stay valid for what was published in them; no new draft may choose one. */
  retired: boolean;
  retiredAt: string | null;
  /** The column annual reports are filed under (it cannot be retired, articles cannot choose it). */
  forAnnualReports: boolean;
}

export interface ColumnListView {
  agencyId: string;
  items: ColumnView[];
}

export interface AgencyCatalogueRequest {
  agencyId: string;
}

export interface CreateColumnRequest {
  agencyId: string;
  code: string;
  name: string;
}

export interface UpdateColumnRequest {
  agencyId: string;
  code: string;
  name?: string;
  retired?: boolean;
}

export interface ReorderColumnsRequest {
  agencyId: string;
  /** Every column code of the agency, in the new order. */
  codes: string[];
}

export interface CatalogueSettingsView {
  agencyId: string;
  /** 机构代码 used in the 索引号. */
  agencyCode: string;
  /** 索引号 pattern: `{agency}`, `{column}`, `{year}`, `{serial}` / `{serial:N}` (N digits). */
  indexPattern: string;
  /** 主题分类 the drafter chooses from (the first is the default). */
  topics: string[];
  /** 公开方式 values. */
  openness: readonly Openness[];
  /** What the next 索引号 of the first column would look like (serial 1 of this year). */
  example: string;
  updatedAt: string;
}

export interface UpdateCatalogueSettingsRequest {
  agencyId: string;
  agencyCode: string;
  indexPattern: string;
  topics: string[];
}

export interface AssignCatalogueRequest {
  documentId: string;
  /** The version being pushed: its column and 公开目录 fields are the entry's. */
  version: number;
}

/** A document's 公开目录 entry as drafting assigns it (its 索引号 is fixed at the first call). */
export interface AssignedCatalogueView extends CatalogueEntry {
  documentId: string;
  assignedAt: string;
}

export interface CreateAnnualReportRequest {
  kind: 'annual_report';
  year: number;
}

export type CreateDocumentRequest = CreateArticleRequest | CreateAnnualReportRequest;

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  version: number;
  contentHash: string;
  title: string;
  agencyId: string;
  agencyName: string;
  departmentId: string;
  authorId: string;
  content: unknown;
  /** The explanation of warnings given at the last submission (annual reports), for reviewers. */
  warningsExplanation?: string | null;
  /** The last time the document came back to its drafter, and why (null if it never did). */
  lastReturn: DocumentReturn | null;
  /** The blocking content-check findings of the current version the drafter explained at submission. */
  findingExplanations: ExplainedFinding[];
  createdAt: string;
  updatedAt: string;
}

/** A return to the drafter: by a review level (退回) or by secrecy review (保密审查退回). */
export interface DocumentReturn {
  stage: 'review' | 'secrecy';
  /** The review level that returned it (1 科室负责人, 2 分管领导, 3 主要领导); null for secrecy. */
  level: 1 | 2 | 3 | null;
  /** The stage's name for people, e.g. 科室负责人审核 or 保密审查. */
  stageLabel: string;
  reason: string;
  byId: string;
  /** "X 代 Y" when a delegate returned it. */
  byName: string;
  at: string;
  /** The version that was returned. */
  version: number;
}

export interface GetDocumentRequest {
  documentId: string;
}

export interface DocumentSummariesRequest {
  documentIds: string[];
}

/** What a list row shows of a document (no content beyond the title and 栏目). */
export interface DocumentSummary {
  /** Content-check findings of the current version when it was submitted (null: not submitted since). */
  openFindings: { total: number; blocking: number } | null;
  id: string;
  kind: DocumentKind;
  title: string;
  column: string | null;
  authorId: string;
  departmentId: string;
  status: DocumentStatus;
}

export interface DocumentSummaryList {
  items: DocumentSummary[];
}

/** 删除草稿: the version the caller saw, and why. */
export interface DiscardDocumentRequest {
  documentId: string;
  version: number;
  reason: string;
}

/** The actor may read the document (else 404 DOCUMENT.NOT_FOUND): what routing needs, no content. */
export interface DocumentAccessView {
  documentId: string;
  departmentId: string;
  status: DocumentStatus;
  agencyId: string;
  /** The current version (what a step that needs no content checks against). */
  version: number;
  /** It has been at `pending_secrecy` at least once (a visibility fact). */
  reachedSecrecy: boolean;
  /** Secrecy review has cleared it at least once (a visibility fact; from then on its facts are final). */
  cleared: boolean;
}

/** Documents by status and kind: metadata for the system administrator, no titles or content. */
export interface DocumentCountsView {
  items: { status: DocumentStatus; kind: DocumentKind; count: number }[];
}

export interface ListDocumentsRequest {
  status?: DocumentStatus;
  kind?: DocumentKind;
  year?: number;
  departmentId?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface DocumentPage {
  items: DocumentView[];
  nextCursor: string | null;
}

export interface ReviseDocumentRequest {
  documentId: string;
  version: number;
  /** Partial content: members given replace the current ones. */
  content: Record<string, unknown>;
}

export interface SubmitDocumentRequest {
  documentId: string;
  version: number;
  /** The drafter's explanation of the annual report's warnings; required while any warning rule fails. */
  warningsExplanation?: string;
  /**
   * The drafter's explanation of each blocking content-check finding, by the finding's `key` (from the
   * check): required for every blocking finding (classification mark, personal data, a blocking
   * dictionary entry), else the submit is refused with the findings.
   */
  findingExplanations?: Record<string, string>;
}

/** A blocking finding the drafter explained at submission, kept with the version for reviewers and secrecy. */
export interface ExplainedFinding {
  key: string;
  section: string;
  type: string;
  matched: string;
  message: string;
  explanation: string;
}

export interface GetVersionRequest {
  documentId: string;
  version: number;
}

export interface DocumentVersionView {
  documentId: string;
  version: number;
  contentHash: string;
  kind: DocumentKind;
  title: string;
  agencyId: string;
  agencyName: string;
  departmentId: string;
  authorId: string;
  content: unknown;
  createdAt: string;
}

/** A finding of the annual-report rules (libs/annual-report): labels in Chinese, `cells` are JSON pointers into `content.tables`. */
export interface ConsistencyFindingView {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  table: string | null;
  row: string | null;
  column: string | null;
  expected: string | number | null;
  actual: string | number | null;
  cells: string[];
}

/** A content-check finding (libs/content-checks) in one section of the document. */
export interface ContentFindingView {
  /** Names the finding within its version (section, type, offset): what an explanation refers to. */
  key?: string;
  section: string;
  type: string;
  severity: 'blocking' | 'warning';
  start: number;
  end: number;
  matched: string;
  suggestion: string | null;
  message: string;
}

export interface CheckDocumentRequest {
  documentId: string;
  /** Default: the current version. */
  version?: number;
}

export interface DocumentCheckView {
  documentId: string;
  version: number;
  /** Findings of annual-report rules that fail at error severity: submission is refused while any remain. */
  errors: ConsistencyFindingView[];
  /** Findings of rules that fail at warning severity: submission needs a written explanation. */
  warnings: ConsistencyFindingView[];
  /** Content checks (classification marks, personal data, wording …), for every kind of document. */
  findings: ContentFindingView[];
  /** Informational notices of the rules (e.g. a 本年增/减 written as "增 114"). */
  notices: ConsistencyFindingView[];
  /** Every rule's status (annual reports; empty for articles). */
  outcomes: { ruleId: string; severity: string; status: 'PASS' | 'FAIL' | 'N/A' | 'N/E' }[];
  /** Last year's report the cross-year rules (XYR-*) compared with, when the system has it. */
  previousReport: { documentId: string; version: number; year: number } | null;
  /** The secrecy dictionary version the content checks used; null: the built-in starter dictionary. */
  dictionaryVersion?: number | null;
}

export interface ImportReportRequest {
  /** Extracted text of a published report. */
  text?: string;
  /** Or a file: .txt, .docx, .html/.htm (a saved page), .xlsx, or .pdf with a text layer (base64; the NATS message size bounds it). */
  file?: { filename: string; contentType?: string; base64: string };
}

export interface UnplacedItemView {
  line: number;
  text: string;
  reason: string;
}

/** A cell import could not settle: left blank, with every value the source allows (null = blank). */
export interface AmbiguousCellView {
  pointer: string;
  table: string;
  row: string;
  column: string;
  candidates: (number | null)[];
  line: number;
}

export type ImportedDocumentView = DocumentView & { unplaced: UnplacedItemView[]; ambiguous: AmbiguousCellView[] };

export interface DiffDocumentRequest {
  documentId: string;
  /** Default: the last version with a review decision or publication (else version 1). */
  from?: number;
  /** Default: the current version. */
  to?: number;
}

export interface TextDiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface DocumentDiffView {
  documentId: string;
  from: number;
  to: number;
  /** Sections (or article fields) whose text changed, with a line diff. */
  sections: { key: string; label: string; ops: TextDiffOp[] }[];
  /** Table cells that changed (annual reports). */
  cells: { pointer: string; table: string; row: string; column: string; from: number | null; to: number | null }[];
}

export interface AggregateReportsRequest {
  year: number;
  /** Agencies that should have reported (the gateway passes the agencies it knows). */
  expectedAgencies?: { id: string; name: string }[];
}

export interface AggregateView {
  year: number;
  format: '2019' | '2021';
  /** The summed tables, in the shape of `content.tables`. */
  tables: Record<string, unknown>;
  /** Cells blank in some included reports (the sum covers only the others). */
  incompleteCells: string[];
  /** `documentId` and `status` are given for the caller's own agency and for published reports only. */
  included: { agencyId: string; agencyName: string; documentId?: string; version: number; status?: string }[];
  missing: { agencyId: string; agencyName: string; reason: string; documentId?: string; status?: string }[];
  failing: { agencyId: string; agencyName: string; documentId?: string; status?: string; ruleIds: string[] }[];
}

export interface RenderReportRequest {
  documentId: string;
  /** Default: the current version. */
  version?: number;
}

export interface RenderedReportView {
  documentId: string;
  version: number;
  /** The whole report as a standalone page in the national layout, with a print stylesheet. */
  html: string;
  /** The report in report.schema.json's shape (blank cells null). */
  data: Record<string, unknown>;
}
