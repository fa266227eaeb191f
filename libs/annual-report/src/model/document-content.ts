import type { AnnualReport, AnnualReport2019, AnnualReport2021, TableId } from './report.js';

type Tables<R extends AnnualReport> = Pick<R, TableId>;
type ContentOf<R extends AnnualReport> = Omit<R, 'reportYear' | TableId> & { year: number; tables: Tables<R> };

/**
 * An annual report as a Sanshen document's `content` (the API's `{format, year, sections, tables}`):
 * the report model with its three statistical tables under `tables`, keyed exactly as
 * report.schema.json (`tables.applications.newReceived.naturalPerson` …); a blank cell is null.
 * This is the one shape of an annual-report version from drafting to the portal: drafting stores
 * it and hashes it, secrecy scans it, publication renders it. Like the model, it is one type per
 * format, told apart by `format`, so converting to and from the model needs no cast.
 */
export type AnnualReportContent = ContentOf<AnnualReport2019> | ContentOf<AnnualReport2021>;

/** Narrowed by format first: each branch converts one format's types, so nothing is cast. */
export function reportToContent(report: AnnualReport): AnnualReportContent {
  return report.format === '2019' ? toContent(report) : toContent(report);
}

export function contentToReport(content: AnnualReportContent): AnnualReport {
  return content.format === '2019' ? toReport(content) : toReport(content);
}

function toContent<R extends AnnualReport>(report: R): ContentOf<R> {
  const { reportYear, activeDisclosure, applications, reviewLitigation, ...rest } = report;
  return { ...rest, year: reportYear, tables: { activeDisclosure, applications, reviewLitigation } };
}

function toReport<R extends AnnualReport>(content: ContentOf<R>): Omit<ContentOf<R>, 'year' | 'tables'> & Tables<R> & { reportYear: number } {
  const { year, tables, ...rest } = content;
  return { ...rest, reportYear: year, ...tables };
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
