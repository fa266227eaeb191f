import { ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import { formatForYear } from './format.js';
import type { FormatError, FormatId } from './format.js';
import { SECTION_HEADINGS, SECTION_ORDER } from './labels.js';
import { FORMAT_TABLES } from './grid.js';
import type { Agency, AnnualReport } from './report.js';

function setPath(target: Record<string, unknown>, pointer: string, value: null): void {
  const keys = pointer.split('/').slice(1);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** A grid of blank cells (null, never zero) in the shape of the format. */
function blankTables(format: FormatId): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const table of FORMAT_TABLES[format]) {
    for (const row of table.rows) for (const column of table.columns) setPath(root, `${row.pointer}/${column.key}`, null);
  }
  return root;
}

export interface NewReportInput {
  reportYear: number;
  agency: Agency;
  /** Defaults to "<agency><year>年政府信息公开工作年度报告". */
  title?: string;
}

/** A report of an explicit format with all-blank cells; importers use it when the source's format differs from the year's. */
export function blankReport(format: FormatId, input: NewReportInput): AnnualReport {
  const tables = blankTables(format);
  return {
    format,
    reportYear: input.reportYear,
    title: input.title ?? `${input.agency.name}${input.reportYear}年政府信息公开工作年度报告`,
    agency: { ...input.agency },
    headings: SECTION_ORDER.map((section) => ({ section, text: SECTION_HEADINGS[section] })),
    sections: {
      intro: '',
      overall: '',
      activeDisclosureNotes: '',
      applicationsNotes: '',
      reviewLitigationNotes: '',
      problemsAndImprovements: '',
      otherMatters: '',
    },
    activeDisclosure: tables['activeDisclosure'],
    applications: tables['applications'],
    reviewLitigation: tables['reviewLitigation'],
  } as AnnualReport;
}

/** A new draft: the format for the year, six canonical headings, empty prose, an all-blank grid and the calendar-year period. */
export function createEmptyReport(input: NewReportInput): Result<AnnualReport, FormatError> {
  const format = formatForYear(input.reportYear);
  if (!format.ok) return format;
  const report = blankReport(format.value, input);
  report.statisticsPeriod = { start: `${input.reportYear}-01-01`, end: `${input.reportYear}-12-31` };
  return ok(report);
}
