import { err, ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import { blankReport } from '../model/create-report.js';
import { formatForYear } from '../model/format.js';
import type { FormatId } from '../model/format.js';
import { activeDisclosureTables, applicationsTable } from '../model/grid.js';
import type { AnnualReport, ExtractionFacts } from '../model/report.js';
import { isBlankText, moneyUnitIn, parseCellText } from '../text/cell-text.js';
import type { MoneyUnit } from '../text/cell-text.js';
import type { CellKind } from '../model/grid.js';
import { columnsOf, readingsOf } from './placements.js';
import type { Placement, RowCheck } from './placements.js';
import { findStatedPeriod } from '../text/period.js';
import { flattenProse } from '../text/normalise.js';
import { readActiveDisclosure } from './active-disclosure.js';
import type { ActiveDisclosureRead } from './active-disclosure.js';
import { readApplications } from './applications.js';
import type { ApplicationsRead } from './applications.js';
import { headingsOf, layoutOf } from './document.js';
import { fillCell } from './fill-cells.js';
import { REVIEW_POINTERS, readReview } from './review.js';
import type { ReviewRead } from './review.js';
import { toLines } from './source-lines.js';
import type { UnplacedItem } from './source-lines.js';

export interface ImportedReport {
  report: AnnualReport;
  /** What could not be placed without guessing, with source line numbers. */
  unplaced: UnplacedItem[];
  /**
   * Cells whose value the source does not settle (lost blanks, run-together digits) even with the
   * tables' identities: each with every candidate (null = blank). The cell stays blank in the
   * report and is listed in `report.extraction.ambiguousCells` until someone resolves it.
   */
  ambiguous: AmbiguousCell[];
}

export interface AmbiguousCell {
  pointer: string;
  /** Every value the cell may hold given the source and the identities; the truth is one of them. */
  candidates: (number | null)[];
  line: number;
  text: string;
}

export type ImportErrorCode = 'ANNUAL_REPORT.YEAR_NOT_FOUND' | 'ANNUAL_REPORT.YEAR_UNSUPPORTED';

export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

const votedFormat = (votes: Record<FormatId, number>): FormatId | null =>
  votes['2019'] === votes['2021'] ? null : votes['2019'] > votes['2021'] ? '2019' : '2021';

function fillActive(report: AnnualReport, facts: ExtractionFacts, read: ActiveDisclosureRead, unplaced: UnplacedItem[], ambiguous: AmbiguousCell[]): void {
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
    const headerUnit = moneyUnitIn(facts.labels[`${table.pointer}#${columns[columns.length - 1].key}`] ?? '');
    const pointers = columns.map((column) => `${row.pointer}/${column.key}`);
    const kinds = columns.map((column) => column.kind);
    // Tab cells beyond the table's columns that are blank are the grid's padding (merged or empty cells).
    if (raw.positional) while (raw.cells.length > columns.length && isBlankText(raw.cells[raw.cells.length - 1])) raw.cells.pop();
    if (raw.cells.length === 0 || (raw.positional && raw.cells.length <= columns.length) || raw.cells.length === columns.length) {
      columns.forEach((column, i) => fillCell(report, facts.asWritten, pointers[i], raw.cells[i] ?? '', column.kind, headerUnit));
      continue;
    }
    // A reading that puts a value where its column's kind cannot hold it (a negative count) is not one.
    const fits: RowCheck = (cells) => cells.every((cell, i) => cell === '' || fitsKind(cell, kinds[i], headerUnit));
    const reading = readingsOf({ tokens: raw.cells.filter((c) => c !== ''), gaps: null, positional: false, line: raw.line, text: raw.text }, columns.length, fits);
    if (reading === null) {
      unplaced.push({ line: raw.line, text: raw.text, reason: `“${raw.label}”行的数值个数与表头${columns.length}列不符，无法确定各列数值` });
      continue;
    }
    placeReadings(report, facts, ambiguous, { pointers, kinds, headerUnit, line: raw.line, text: raw.text, candidates: reading.candidates });
  }
}

function fitsKind(raw: string, kind: CellKind, headerUnit: MoneyUnit | null): boolean {
  const parsed = parseCellText(raw, kind, headerUnit);
  if (parsed.value === null) return false;
  return kind === 'signed' || (parsed.value >= 0 && (kind !== 'count' || Number.isInteger(parsed.value)));
}

interface ReadingsTarget {
  pointers: readonly string[];
  kinds: readonly CellKind[];
  headerUnit?: MoneyUnit | null;
  line: number;
  text: string;
  candidates: readonly Placement[];
}

/** Writes the cells all readings agree on; the others stay blank and are listed with every candidate. */
function placeReadings(report: AnnualReport, facts: ExtractionFacts, ambiguous: AmbiguousCell[], target: ReadingsTarget): void {
  columnsOf(target.candidates, target.pointers.length).forEach((values, i) => {
    const pointer = target.pointers[i];
    const kind = target.kinds[i];
    if (values.length === 1) {
      fillCell(report, facts.asWritten, pointer, values[0], kind, target.headerUnit ?? null);
      return;
    }
    const candidates = [...new Set(values.map((v) => parseCellText(v, kind, target.headerUnit ?? null).value))];
    if (candidates.length === 1) {
      fillCell(report, facts.asWritten, pointer, values.includes('') ? '' : values[0], kind, target.headerUnit ?? null);
      return;
    }
    ambiguous.push({ pointer, candidates, line: target.line, text: target.text });
    facts.ambiguousCells = { ...facts.ambiguousCells, [pointer]: candidates };
  });
}

function fillApplications(report: AnnualReport, facts: ExtractionFacts, read: ApplicationsRead, unplaced: UnplacedItem[], ambiguous: AmbiguousCell[]): void {
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
  for (const [id, entry] of read.ambiguous) {
    const row = table.rows.find((r) => r.id === id);
    if (row === undefined) {
      unplaced.push({ line: entry.line, text: entry.text, reason: `${report.format}版格式的申请情况表没有“${id}”行，数值未导入` });
      continue;
    }
    const pointers = table.columns.map((column) => `${row.pointer}/${column.key}`);
    placeReadings(report, facts, ambiguous, { pointers, kinds: pointers.map(() => 'count'), line: entry.line, text: entry.text, candidates: entry.candidates });
  }
  for (const [id, values] of read.stray) {
    const row = table.rows.find((r) => r.id === id);
    if (row !== undefined && known.has(id)) facts.unplacedRowValues[row.pointer] = values;
  }
  Object.assign(facts.labels, read.labels);
}

function fillReview(report: AnnualReport, facts: ExtractionFacts, read: ReviewRead, ambiguous: AmbiguousCell[]): void {
  for (const [pointer, raw] of read.values) fillCell(report, facts.asWritten, pointer, raw, 'count');
  if (read.ambiguous !== null) {
    placeReadings(report, facts, ambiguous, { pointers: REVIEW_POINTERS, kinds: REVIEW_POINTERS.map(() => 'count'), ...read.ambiguous });
  }
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
  const ambiguous: AmbiguousCell[] = [];
  fillActive(report, facts, active, unplaced, ambiguous);
  fillApplications(report, facts, applications, unplaced, ambiguous);
  fillReview(report, facts, review, ambiguous);

  report.headings = headingsOf(layout);
  report.sections = layout.sections;
  const period = findStatedPeriod(flattenProse(`${layout.sections.intro}\n${layout.sections.overall}`));
  if (period !== null) report.statisticsPeriod = period;
  if (layout.closing.signatureDate !== undefined) report.signatureDate = layout.closing.signatureDate;
  if (layout.closing.publicationDate !== undefined) report.publicationDate = layout.closing.publicationDate;
  report.extraction = facts;
  return ok({ report, unplaced: unplaced.sort((a, b) => a.line - b.line), ambiguous });
}
