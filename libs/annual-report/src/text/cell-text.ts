import type { CellKind } from '../model/grid.js';
import { asciiDigits, scaleDecimal } from './normalise.js';

export type CellState = 'number' | 'blank' | 'invalid';
export type MoneyUnit = '元' | '万元' | '亿元';

export interface ParsedCell {
  state: CellState;
  value: number | null;
  /** A parseable but non-standard notation (e.g. "增 114"), reported as info by ACT19-04. */
  nonStandard: boolean;
  /** Money unit written in the cell. */
  unit: MoneyUnit | null;
}

const BLANKS = new Set(['', '—', '-', '－', '–', '/', '／', '无', '&nbsp;', '——']);
const UNIT_EXPONENT: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** Digits normalised: full-width → ASCII, thousands separators and inner spaces dropped. */
function compact(raw: string): string {
  return asciiDigits(raw)
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1')
    .replace(/(\d)\s+(?=\d)/g, '$1');
}

export function isBlankText(raw: string): boolean {
  return BLANKS.has(raw.replace(/\u00a0/g, ' ').trim());
}

const blank: ParsedCell = { state: 'blank', value: null, nonStandard: false, unit: null };
const invalid = (unit: MoneyUnit | null = null): ParsedCell => ({ state: 'invalid', value: null, nonStandard: false, unit });
const number = (value: number, nonStandard = false, unit: MoneyUnit | null = null): ParsedCell => ({
  state: 'number',
  value,
  nonStandard,
  unit,
});

function parseSigned(text: string): ParsedCell {
  const standard = /^([+\-−－]?)(\d+)$/.exec(text);
  if (standard) return number(standard[1] === '' || standard[1] === '+' ? Number(standard[2]) : -Number(standard[2]));
  const worded = /^(增加?|减少?)\s*(\d+)$/.exec(text);
  if (worded) return number(worded[1].startsWith('增') ? Number(worded[2]) : -Number(worded[2]), true);
  return invalid();
}

function unitIn(text: string): MoneyUnit | null {
  if (text.includes('亿元')) return '亿元';
  if (text.includes('万元')) return '万元';
  if (text.includes('元')) return '元';
  return null;
}

function parseMoney(text: string, kind: CellKind, headerUnit: MoneyUnit | null): ParsedCell {
  const match = /^(\d+(?:\.\d+)?)\s*(元|万元|亿元)?$/.exec(text);
  if (!match) return invalid(unitIn(text));
  const written = (match[2] as MoneyUnit | undefined) ?? null;
  const unit = written ?? headerUnit;
  const target = kind === 'moneyTenThousandYuan' ? 4 : 0;
  const value = unit === null ? Number(match[1]) : scaleDecimal(match[1], UNIT_EXPONENT[unit] - target);
  return number(value, false, written);
}

/**
 * Reads one table cell as RULES.md §0 normalises it: blank ("", —, -, /, 无), a number of the
 * cell's kind, or invalid (annotations, ranges, text). Money is converted to the column's unit
 * (元, or 万元 for the 2021 fee column) using the cell's unit, else `headerUnit`.
 */
export function parseCellText(raw: string, kind: CellKind, headerUnit: MoneyUnit | null = null): ParsedCell {
  if (isBlankText(raw)) return blank;
  const text = compact(raw);
  switch (kind) {
    case 'count':
      return /^\d+$/.test(text) ? number(Number(text)) : invalid();
    case 'signed':
      return parseSigned(text);
    case 'moneyYuan':
    case 'moneyTenThousandYuan':
      return parseMoney(text, kind, headerUnit);
  }
}

export function moneyUnitIn(text: string): MoneyUnit | null {
  return unitIn(text);
}
