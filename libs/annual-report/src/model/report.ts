import type { FormatId } from './format.js';

/** A statistical cell: a number, or null when blank (blank is not zero). */
export type Cell = number | null;

/** One row of the applications table (申请人情况, columns c1…c7). */
export interface ApplicantBreakdown {
  naturalPerson: Cell;
  commercialEnterprise: Cell;
  researchInstitution: Cell;
  socialWelfareOrganization: Cell;
  legalServiceInstitution: Cell;
  otherOrganization: Cell;
  total: Cell;
}

export interface Article20Item1Row2019 {
  newlyMade: Cell;
  newlyPublished: Cell;
  totalPublished: Cell;
}
export interface ProjectRow2019 {
  previousYearCount: Cell;
  changeThisYear: Cell;
  decisionCount: Cell;
}
export interface ActiveDisclosure2019 {
  article20Item1: { regulations: Article20Item1Row2019; normativeDocuments: Article20Item1Row2019 };
  article20Item5: { administrativeLicensing: ProjectRow2019; otherExternalManagementServices: ProjectRow2019 };
  article20Item6: { administrativePunishment: ProjectRow2019; administrativeCoercion: ProjectRow2019 };
  article20Item8: { administrativeFees: { previousYearCount: Cell; changeThisYear: Cell } };
  article20Item9: { centralizedProcurement: { projectCount: Cell; totalAmountYuan: Cell } };
}

export interface Article20Item1Row2021 {
  issuedThisYear: Cell;
  repealedThisYear: Cell;
  currentlyValid: Cell;
}
export interface ActiveDisclosure2021 {
  article20Item1: { regulations: Article20Item1Row2021; normativeDocuments: Article20Item1Row2021 };
  article20Item5: { administrativeLicensing: { decisionsThisYear: Cell } };
  article20Item6: { administrativePunishment: { decisionsThisYear: Cell }; administrativeCoercion: { decisionsThisYear: Cell } };
  article20Item8: { administrativeFees: { amountTenThousandYuan: Cell } };
}

export interface DeniedRows {
  stateSecret: ApplicantBreakdown;
  prohibitedByLawsAndRegulations: ApplicantBreakdown;
  endangersThreeSecuritiesOneStability: ApplicantBreakdown;
  protectsThirdPartyRights: ApplicantBreakdown;
  internalAffairs: ApplicantBreakdown;
  processInformation: ApplicantBreakdown;
  lawEnforcementCaseFile: ApplicantBreakdown;
  administrativeQuery: ApplicantBreakdown;
}
export interface UnableRows {
  notHeldByAgency: ApplicantBreakdown;
  requiresNewCreation: ApplicantBreakdown;
  unclearAfterCorrection: ApplicantBreakdown;
}
export interface NotProcessedRows {
  petitionOrComplaint: ApplicantBreakdown;
  repeatedApplication: ApplicantBreakdown;
  publicationRequested: ApplicantBreakdown;
  massRepeatedWithoutReason: ApplicantBreakdown;
  confirmOrReissueObtainedInfo: ApplicantBreakdown;
}
export interface OtherHandling2021 {
  noCorrectionOverdue: ApplicantBreakdown;
  feeNotPaidOverdue: ApplicantBreakdown;
  other: ApplicantBreakdown;
}
/** Optional explicit subtotals a draft may carry (rule APP-07); not cells of the official table. */
export interface ApplicationSubtotals {
  denied?: ApplicantBreakdown;
  unableToProvide?: ApplicantBreakdown;
  notProcessed?: ApplicantBreakdown;
  otherHandling?: ApplicantBreakdown;
}

interface ApplicationsBase<Other> {
  newReceived: ApplicantBreakdown;
  carriedOverFromPreviousYear: ApplicantBreakdown;
  results: {
    granted: ApplicantBreakdown;
    partiallyGranted: ApplicantBreakdown;
    denied: DeniedRows;
    unableToProvide: UnableRows;
    notProcessed: NotProcessedRows;
    otherHandling: Other;
    total: ApplicantBreakdown;
  };
  carriedForwardToNextYear: ApplicantBreakdown;
  subtotals?: ApplicationSubtotals;
}
export type Applications2019 = ApplicationsBase<ApplicantBreakdown>;
export type Applications2021 = ApplicationsBase<OtherHandling2021>;

export interface ReviewOutcomes {
  upheld: Cell;
  corrected: Cell;
  otherResult: Cell;
  pending: Cell;
  total: Cell;
}
export interface ReviewLitigation {
  administrativeReview: ReviewOutcomes;
  litigationWithoutReview: ReviewOutcomes;
  litigationAfterReview: ReviewOutcomes;
}

export type AgencyKind = 'peoplesGovernment' | 'governmentOffice' | 'department' | 'other';

export interface Agency {
  name: string;
  kind?: AgencyKind;
}

/** The six numbered sections. */
export type SectionId =
  | 'overall'
  | 'activeDisclosure'
  | 'applications'
  | 'reviewLitigation'
  | 'problemsAndImprovements'
  | 'otherMatters';

/** A heading as it stands in the report, in document order (lets STR-02/03 and LBL-02 see gaps, order and typos). */
export interface SectionHeading {
  section: SectionId;
  text: string;
}

/** Section prose, keyed as in the schema's `sections` object; '' when absent. */
export interface ReportSections {
  intro: string;
  overall: string;
  activeDisclosureNotes: string;
  applicationsNotes: string;
  reviewLitigationNotes: string;
  problemsAndImprovements: string;
  otherMatters: string;
}

export type TableId = 'activeDisclosure' | 'applications' | 'reviewLitigation';

/**
 * What an import saw in the source beyond the cell values. Absent for reports drafted in the system,
 * whose labels and layout are canonical by construction.
 */
export interface ExtractionFacts {
  /** Cell pointer → the cell text as written, for cells that were not a plain number (e.g. "增 114", "1659（海东市）"). */
  asWritten: Record<string, string>;
  /** Label key (row pointer, `table#column` header, `/applications#note` …) → label text as written. */
  labels: Record<string, string>;
  /** The format the source's own signals point to (FMT-01); null when they do not. */
  detectedFormat: FormatId | null;
  /** Format of each format-specific element, for hybrids (FMT-03, APP-05). */
  elementFormats: { activeDisclosure: FormatId | null; otherHandling: FormatId | null };
  /** A 第二十条第（九）项 table was present (ACT21-01 fails on it in 2021 format). */
  item9TablePresent: boolean;
  /** Row pointer → values seen on a row whose columns could not be told apart (kept out of the grid). */
  unplacedRowValues: Record<string, string[]>;
  /**
   * Cell pointer → every value the source allows for a cell import could not settle (null = blank).
   * The cell itself stays blank; rules treat it as unread, and submission waits until it is resolved.
   */
  ambiguousCells?: Record<string, (number | null)[]>;
  /** The section each statistical table was found under (STR-03). */
  tableSections: Partial<Record<TableId, SectionId | null>>;
}

interface ReportBase {
  reportYear: number;
  title: string;
  agency: Agency;
  headings: SectionHeading[];
  sections: ReportSections;
  statisticsPeriod?: { start: string; end: string };
  /** ISO date of the signature block (落款). */
  signatureDate?: string;
  /** ISO date of publication or 印发. */
  publicationDate?: string;
  reviewLitigation: ReviewLitigation;
  extraction?: ExtractionFacts;
}

export interface AnnualReport2019 extends ReportBase {
  format: '2019';
  activeDisclosure: ActiveDisclosure2019;
  applications: Applications2019;
}
export interface AnnualReport2021 extends ReportBase {
  format: '2021';
  activeDisclosure: ActiveDisclosure2021;
  applications: Applications2021;
}

export type AnnualReport = AnnualReport2019 | AnnualReport2021;
