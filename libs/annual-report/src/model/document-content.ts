import type { FormatId } from './format.js';
import type { Agency, AnnualReport, ExtractionFacts, ReportSections, SectionHeading } from './report.js';

/**
 * An annual report as a Sanshen document's `content` (the API's `{format, year, sections, tables}`):
 * the report model with its three statistical tables under `tables`, keyed exactly as
 * report.schema.json (`tables.applications.newReceived.naturalPerson` …); a blank cell is null.
 * Drafting stores it; publication renders it.
 */
export interface AnnualReportContent {
  format: FormatId;
  year: number;
  title: string;
  agency: Agency;
  headings: SectionHeading[];
  sections: ReportSections;
  tables: {
    activeDisclosure: AnnualReport['activeDisclosure'];
    applications: AnnualReport['applications'];
    reviewLitigation: AnnualReport['reviewLitigation'];
  };
  statisticsPeriod?: { start: string; end: string };
  signatureDate?: string;
  publicationDate?: string;
  /** Only on imported reports: what the source looked like (labels as written, unplaced values …). */
  extraction?: ExtractionFacts;
}

export function reportToContent(report: AnnualReport): AnnualReportContent {
  const { reportYear, activeDisclosure, applications, reviewLitigation, ...rest } = report;
  return { ...rest, year: reportYear, tables: { activeDisclosure, applications, reviewLitigation } } as AnnualReportContent;
}

export function contentToReport(content: AnnualReportContent): AnnualReport {
  const { year, tables, ...rest } = content;
  return { ...rest, reportYear: year, ...tables } as AnnualReport;
}

/** A shape check (not a validation of every cell): format, year, sections, tables and headings are there. */
export function isAnnualReportContent(content: unknown): content is AnnualReportContent {
  if (typeof content !== 'object' || content === null) return false;
  const c = content as Record<string, unknown>;
  const object = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
  return (
    (c.format === '2019' || c.format === '2021') &&
    typeof c.year === 'number' &&
    typeof c.title === 'string' &&
    object(c.agency) &&
    Array.isArray(c.headings) &&
    object(c.sections) &&
    object(c.tables)
  );
}
