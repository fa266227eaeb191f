import {
  CELL_RANGES,
  cellDef,
  cellsOf,
  contentToReport,
  createEmptyReport,
  isAnnualReportContent,
  prefillFromPreviousYear,
  readCell,
  reportToContent,
} from '@sanshen/annual-report';
import type { AnnualReport, AnnualReportContent, ReportSections } from '@sanshen/annual-report';
import { DomainError } from '@sanshen/kernel';
import { policedText } from './document-content.js';

export type { AnnualReportContent };
export { contentToReport, isAnnualReportContent, reportToContent };

/** Chinese labels of the section keys, for findings, diffs and the UI. */
export const SECTION_LABELS: Record<keyof ReportSections, string> = {
  intro: '前言',
  overall: '一、总体情况',
  activeDisclosureNotes: '二、主动公开政府信息情况',
  applicationsNotes: '三、收到和处理政府信息公开申请情况',
  reviewLitigationNotes: '四、政府信息公开行政复议、行政诉讼情况',
  problemsAndImprovements: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
};

const SECTION_KEYS = Object.keys(SECTION_LABELS) as (keyof ReportSections)[];
const MAX_SECTION_LENGTH = 200_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new draft for (agency, year): six canonical headings, empty prose, an all-blank grid of the
 * year's format; carry-over cells prefilled from last year's report when one is given.
 */
export function newAnnualReportContent(
  agencyName: string,
  year: number,
  previous: AnnualReport | null,
): { content: AnnualReportContent; prefilled: string[] } {
  const created = createEmptyReport({ reportYear: year, agency: { name: agencyName } });
  if (!created.ok) throw new DomainError('ANNUAL_REPORT.YEAR_UNSUPPORTED', { year }, created.error.message);
  if (previous === null) return { content: reportToContent(created.value), prefilled: [] };
  const prefilled = prefillFromPreviousYear(created.value, previous);
  if (!prefilled.ok) return { content: reportToContent(created.value), prefilled: [] };
  return { content: reportToContent(prefilled.value.report), prefilled: prefilled.value.filled };
}

/**
 * Applies a partial edit: `sections` (section key → text), `cells` (JSON pointer as in findings,
 * e.g. `/applications/newReceived/naturalPerson` → number or null) and/or `tables` (a nested partial
 * of the tables, same keys), `signatureDate`, `publicationDate` (YYYY-MM-DD or null). Anything
 * else, an unknown key or a value of the wrong kind is refused, naming it. Never mutates `current`.
 */
export function reviseAnnualReportContent(current: AnnualReportContent, patch: Record<string, unknown>): AnnualReportContent {
  const allowed = new Set(['sections', 'cells', 'tables', 'signatureDate', 'publicationDate']);
  for (const key of Object.keys(patch)) {
    if (!allowed.has(key)) invalid(key, `不能修改年度报告的“${key}”`);
  }
  const next = structuredClone(current);
  if (patch.sections !== undefined) applySections(next, patch.sections);
  const cells: [string, unknown][] = [];
  if (patch.tables !== undefined) {
    if (!isRecord(patch.tables)) invalid('tables', 'tables 必须是对象');
    flatten(patch.tables, '', cells);
  }
  if (patch.cells !== undefined) {
    if (!isRecord(patch.cells)) invalid('cells', 'cells 必须是“单元格路径 → 数值”的对象');
    cells.push(...Object.entries(patch.cells));
  }
  for (const [pointer, value] of cells) writeContentCell(next, pointer, value);
  for (const key of ['signatureDate', 'publicationDate'] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    if (value === null || value === '') {
      delete next[key];
    } else if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
      next[key] = value;
    } else {
      invalid(key, `${key} 必须是 YYYY-MM-DD 格式的日期`);
    }
  }
  return next;
}

function applySections(next: AnnualReportContent, sections: unknown): void {
  if (!isRecord(sections)) invalid('sections', 'sections 必须是对象');
  for (const [key, value] of Object.entries(sections)) {
    if (!SECTION_KEYS.includes(key as keyof ReportSections)) {
      invalid(`sections.${key}`, `未知的报告部分“${key}”，可用：${SECTION_KEYS.join('、')}`);
    }
    if (typeof value !== 'string' || value.length > MAX_SECTION_LENGTH) {
      invalid(`sections.${key}`, `报告部分“${SECTION_LABELS[key as keyof ReportSections]}”必须是文本`);
    }
    next.sections[key as keyof ReportSections] = policedText(`sections.${key}`, value, 'multi');
  }
}

function flatten(node: Record<string, unknown>, prefix: string, into: [string, unknown][]): void {
  for (const [key, value] of Object.entries(node)) {
    const pointer = `${prefix}/${key}`;
    if (isRecord(value)) flatten(value, pointer, into);
    else into.push([pointer, value]);
  }
}

function writeContentCell(next: AnnualReportContent, pointer: string, value: unknown): void {
  const def = cellDef(next.format, pointer);
  if (def === undefined) invalid(pointer, `“${pointer}”不是${next.format}版格式的统计表单元格`);
  const where = `${def.tableShort}${def.subTable ? ` ${def.subTable}` : ''} ${def.rowLabel} / ${def.columnLabel}`;
  if (value !== null) {
    if (typeof value !== 'number' || !Number.isFinite(value)) invalid(pointer, `${where}：必须是数字或 null（空白）`);
    if ((def.kind === 'count' || def.kind === 'signed') && !Number.isInteger(value)) invalid(pointer, `${where}：必须是整数`);
    if (def.kind !== 'signed' && value < 0) invalid(pointer, `${where}：不能为负数`);
    const range = CELL_RANGES[def.kind];
    if (value < range.min || value > range.max) {
      throw new DomainError('REQUEST.NUMBER_OUT_OF_RANGE', { field: pointer, min: range.min, max: range.max }, `${where}：数值超出允许范围（${range.min}～${range.max}）`);
    }
  }
  const keys = pointer.split('/').slice(1);
  let node = next.tables as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  // An edited cell is what the drafter typed now, no longer text read from a source.
  if (next.extraction?.asWritten[pointer] !== undefined) {
    const { [pointer]: _dropped, ...rest } = next.extraction.asWritten;
    next.extraction = { ...next.extraction, asWritten: rest };
  }
  // Writing a cell import left ambiguous (a number, or null for blank) resolves it.
  if (next.extraction?.ambiguousCells?.[pointer] !== undefined) {
    const { [pointer]: _resolved, ...rest } = next.extraction.ambiguousCells;
    next.extraction = { ...next.extraction, ambiguousCells: rest };
  }
}

/** Cells import could not settle and nobody has resolved yet, each with its candidates (null = blank). */
export function unresolvedCells(content: AnnualReportContent): { pointer: string; table: string; row: string; column: string; candidates: (number | null)[] }[] {
  return Object.entries(content.extraction?.ambiguousCells ?? {}).flatMap(([pointer, candidates]) => {
    const def = cellDef(content.format, pointer);
    return def === undefined ? [] : [{ pointer, table: def.tableShort, row: def.rowLabel, column: def.columnLabel, candidates }];
  });
}

/** Every cell whose value differs between two reports of the same format, in print order. */
export function changedCells(
  from: AnnualReportContent,
  to: AnnualReportContent,
): { pointer: string; table: string; row: string; column: string; from: number | null; to: number | null }[] {
  if (from.format !== to.format) {
    return cellsOf(to.format).map((def) => ({
      pointer: def.pointer,
      table: def.tableShort,
      row: def.rowLabel,
      column: def.columnLabel,
      from: null,
      to: readCell(contentToReport(to), def.pointer) ?? null,
    }));
  }
  const a = contentToReport(from);
  const b = contentToReport(to);
  return cellsOf(to.format).flatMap((def) => {
    const before = readCell(a, def.pointer) ?? null;
    const after = readCell(b, def.pointer) ?? null;
    return before === after ? [] : [{ pointer: def.pointer, table: def.tableShort, row: def.rowLabel, column: def.columnLabel, from: before, to: after }];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, message: string): never {
  throw new DomainError('REQUEST.INVALID', { field }, message);
}
