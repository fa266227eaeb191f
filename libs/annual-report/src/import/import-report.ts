import { err, ok } from '@sanshen/contracts';
import type { Result } from '@sanshen/contracts';
import { blankReport } from '../model/create-report.js';
import { formatForYear } from '../model/format.js';
import type { FormatId } from '../model/format.js';
import { activeDisclosureTables, applicationsTable } from '../model/grid.js';
import type { AnnualReport, ExtractionFacts } from '../model/report.js';
import { moneyUnitIn } from '../text/cell-text.js';
import { findStatedPeriod } from '../text/period.js';
import { flattenProse } from '../text/normalise.js';
import { readActiveDisclosure } from './active-disclosure.js';
import type { ActiveDisclosureRead } from './active-disclosure.js';
import { readApplications } from './applications.js';
import type { ApplicationsRead } from './applications.js';
import { headingsOf, layoutOf } from './document.js';
import { fillCell } from './fill-cells.js';
import { readReview } from './review.js';
import type { ReviewRead } from './review.js';
import { toLines } from './source-lines.js';
import type { UnplacedItem } from './source-lines.js';

export interface ImportedReport {
  report: AnnualReport;
  /** What could not be placed without guessing, with source line numbers. */
  unplaced: UnplacedItem[];
}

export type ImportErrorCode = 'ANNUAL_REPORT.YEAR_NOT_FOUND' | 'ANNUAL_REPORT.YEAR_UNSUPPORTED';

export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

const votedFormat = (votes: Record<FormatId, number>): FormatId | null =>
  votes['2019'] === votes['2021'] ? null : votes['2019'] > votes['2021'] ? '2019' : '2021';

function fillActive(report: AnnualReport, facts: ExtractionFacts, read: ActiveDisclosureRead, unplaced: UnplacedItem[]): void {
  for (const table of activeDisclosureTables(report.format)) {
    const item = table.pointer.split('/').pop()!;
    const header = read.headers[item];
    if (header !== undefined) {
      if (header.length === table.columns.length) header.forEach((text, i) => (facts.labels[`${table.pointer}#${table.columns[i].key}`] = text));
      else facts.labels[`${table.pointer}#${table.columns[0].key}`] = header.join('');
    }
  }
  for (const raw of read.rows) {
    const table = activeDisclosureTables(report.format).find((t) => t.pointer.endsWith(`/${raw.item}`));
    const row = table?.rows.find((r) => r.id === raw.row);
    if (table === undefined || row === undefined) {
      unplaced.push({ line: raw.line, text: raw.label, reason: `${report.format}版格式没有该行，数值未导入` });
      continue;
    }
    const columns = table.columns;
    const cells = raw.cells;
    if (cells === null || (cells.length > 0 && cells.length < columns.length && !raw.positional) || cells.slice(columns.length).some((c) => c !== '')) {
      unplaced.push({ line: raw.line, text: raw.text, reason: `“${raw.label}”行的数值个数与表头${columns.length}列不符，无法确定各列数值` });
      continue;
    }
    const headerUnit = moneyUnitIn(facts.labels[`${table.pointer}#${columns[columns.length - 1].key}`] ?? '');
    columns.forEach((column, i) => fillCell(report, facts.asWritten, `${row.pointer}/${column.key}`, cells[i] ?? '', column.kind, headerUnit));
  }
}

function fillApplications(report: AnnualReport, facts: ExtractionFacts, read: ApplicationsRead, unplaced: UnplacedItem[]): void {
  const table = applicationsTable(report.format);
  const known = new Set(table.rows.map((r) => r.id));
  for (const [id, cells] of read.values) {
    const row = table.rows.find((r) => r.id === id);
    if (row === undefined) {
      unplaced.push({ line: 0, text: cells.join(' '), reason: `${report.format}版格式的申请情况表没有“${id}”行，数值未导入` });
      continue;
    }
    table.columns.forEach((column, i) => fillCell(report, facts.asWritten, `${row.pointer}/${column.key}`, cells[i], 'count'));
  }
  for (const [id, values] of read.stray) {
    const row = table.rows.find((r) => r.id === id);
    if (row !== undefined && known.has(id)) facts.unplacedRowValues[row.pointer] = values;
  }
  Object.assign(facts.labels, read.labels);
}

function fillReview(report: AnnualReport, facts: ExtractionFacts, read: ReviewRead): void {
  for (const [pointer, raw] of read.values) fillCell(report, facts.asWritten, pointer, raw, 'count');
  if (read.header !== '') facts.labels['/reviewLitigation#header'] = read.header;
}

/**
 * Imports a report from text as PDF or web extraction produces it. Cells that cannot be placed
 * without guessing stay blank and are listed in `unplaced`; the text's own labels and format
 * signals go into `report.extraction` for the LBL/FMT rules.
 */
export function importReportText(source: string): Result<ImportedReport, ImportError> {
  const lines = toLines(source);
  const layout = layoutOf(lines);
  const year = layout.front.reportYear;
  if (year === null) return err({ code: 'ANNUAL_REPORT.YEAR_NOT_FOUND', message: '未能从标题中识别报告年度（应为“YYYY年…年度报告”）' });
  const yearFormat = formatForYear(year);
  if (!yearFormat.ok) return err({ code: yearFormat.error.code, message: yearFormat.error.message });

  const range = (id: keyof typeof layout.tables) => layout.tables[id] ?? { from: 0, to: 0 };
  const active = readActiveDisclosure(lines, range('activeDisclosure').from, range('activeDisclosure').to);
  const applications = readApplications(lines, range('applications').from, range('applications').to);
  const review = readReview(lines, range('reviewLitigation').from, range('reviewLitigation').to);

  const elementFormats = {
    activeDisclosure: votedFormat(active.votes),
    otherHandling: applications.otherShape === null ? null : applications.otherShape === 'split' ? ('2021' as const) : ('2019' as const),
  };
  const detectedFormat = elementFormats.activeDisclosure ?? elementFormats.otherHandling;
  const report = blankReport(detectedFormat ?? yearFormat.value, {
    reportYear: year,
    agency: { name: layout.front.agency },
    title: layout.front.title,
  });
  const facts: ExtractionFacts = {
    asWritten: {},
    labels: {},
    detectedFormat,
    elementFormats,
    item9TablePresent: active.item9,
    unplacedRowValues: {},
    tableSections: Object.fromEntries(Object.entries(layout.tables).map(([id, t]) => [id, t.under])),
  };
  const unplaced = [...active.unplaced, ...applications.unplaced, ...review.unplaced];
  fillActive(report, facts, active, unplaced);
  fillApplications(report, facts, applications, unplaced);
  fillReview(report, facts, review);

  report.headings = headingsOf(layout);
  report.sections = layout.sections;
  const period = findStatedPeriod(flattenProse(`${layout.sections.intro}\n${layout.sections.overall}`));
  if (period !== null) report.statisticsPeriod = period;
  if (layout.closing.signatureDate !== undefined) report.signatureDate = layout.closing.signatureDate;
  if (layout.closing.publicationDate !== undefined) report.publicationDate = layout.closing.publicationDate;
  report.extraction = facts;
  return ok({ report, unplaced: unplaced.sort((a, b) => a.line - b.line) });
}
