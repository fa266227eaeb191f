import { cellDef, readCell } from '../model/cells.js';
import type { CellDef } from '../model/cells.js';
import type { AnnualReport } from '../model/report.js';
import { isBlankText } from '../text/cell-text.js';
import type { CellState } from '../text/cell-text.js';
import type { CheckMode, FindingDraft, RuleContext } from './types.js';
import type { Instance } from './verdict.js';

/**
 * A cell's state: a number, blank, invalid (text was written but is not a number, NUM-01), or
 * unread: import saw a value for it but could not settle which (an ambiguous cell). An unread cell is not blank: no rule may read it as missing or as 0.
 */
export function cellState(report: AnnualReport, pointer: string): CellState | 'unread' {
  const value = readCell(report, pointer);
  if (typeof value === 'number') return 'number';
  if (isUnread(report, pointer)) return 'unread';
  const written = report.extraction?.asWritten[pointer];
  return written !== undefined && !isBlankText(written) ? 'invalid' : 'blank';
}

function isUnread(report: AnnualReport, pointer: string): boolean {
  const extraction = report.extraction;
  if (extraction === undefined) return false;
  return extraction.ambiguousCells?.[pointer] !== undefined;
}

/** The value arithmetic uses: blank counts as 0 in blank-as-zero mode; invalid never counts. */
export function operand(report: AnnualReport, pointer: string, mode: CheckMode): number | null {
  const value = readCell(report, pointer);
  if (typeof value === 'number') return value;
  return mode === 'blank-as-zero' && cellState(report, pointer) === 'blank' ? 0 : null;
}

export function defOf(report: AnnualReport, pointer: string): CellDef {
  const def = cellDef(report.format, pointer);
  if (def === undefined) throw new Error(`Not a cell of format ${report.format}: ${pointer}`);
  return def;
}

export interface Term {
  pointer: string;
  /** How the term is named in the message, e.g. 本年新收. */
  name: string;
}

export interface EquationSpec {
  left: readonly Term[];
  right: readonly Term[];
  /** '=' for balances, '>=' for ACT*-02 style checks. */
  relation: '=' | '>=';
  /** Message prefix, e.g. "表三 自然人列". */
  where: string;
  table: string;
  row: string | null;
  column: string | null;
}

const show = (terms: readonly Term[], values: readonly (number | null)[]): string =>
  terms.length === 0 ? '0' : terms.map((t, i) => `${t.name}(${values[i] ?? '空'})`).join('+');

const sum = (values: readonly number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/** Evaluates `Σleft relation Σright`; N/E when an operand is missing in this mode. */
export function equation(context: RuleContext, spec: EquationSpec): Instance {
  const { report, mode } = context;
  const leftValues = spec.left.map((t) => operand(report, t.pointer, mode));
  const rightValues = spec.right.map((t) => operand(report, t.pointer, mode));
  if (leftValues.includes(null) || rightValues.includes(null)) {
    const text = `${show(spec.left, leftValues)} ${spec.relation === '=' ? '=' : '≥'} ${show(spec.right, rightValues)}`;
    return { status: 'N/E', note: `${spec.where}：有空白或无效单元格，无法核对 ${text}` };
  }
  const left = sum(leftValues as number[]);
  const right = sum(rightValues as number[]);
  const holds = spec.relation === '=' ? left === right : left >= right;
  if (holds) return { status: 'PASS' };
  const finding: FindingDraft = {
    message: `${spec.where}：${show(spec.left, leftValues)} ${spec.relation === '=' ? '≠' : '<'} ${show(spec.right, rightValues)}`,
    table: spec.table,
    row: spec.row,
    column: spec.column,
    expected: right,
    actual: left,
    cells: [...spec.left, ...spec.right].map((t) => t.pointer),
  };
  return { status: 'FAIL', finding };
}

/** A finding about one cell, labelled from the catalogue. */
export function cellFinding(
  report: AnnualReport,
  pointer: string,
  message: string,
  expected: string | number | null,
  actual: string | number | null,
): FindingDraft {
  const def = defOf(report, pointer);
  return {
    message,
    table: def.tableLabel,
    row: def.rowLabel,
    column: def.columnLabel,
    expected,
    actual,
    cells: [pointer],
  };
}

export function cellName(def: CellDef): string {
  const sub = def.subTable === '' ? '' : `${def.subTable} `;
  return `${def.tableShort} ${sub}${def.rowShort}·${def.columnLabel}`;
}
