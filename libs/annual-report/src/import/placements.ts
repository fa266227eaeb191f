import { isBlankText } from '../text/cell-text.js';

/**
 * Where the values seen on a table row may sit. Web text loses empty cells (`37 5   2 1` for seven
 * columns) and runs neighbouring cells together (`170000017`); PDF text puts a row's values on the
 * line above or below its label. The template fixes how many columns a row has, so every reading
 * of the tokens that gives that many cells is a candidate; the table's own identities (a row's
 * total, the column balances) then decide, and what they cannot decide stays a list of candidates.
 */

/** Raw cells of one row, '' for blank. */
export type Placement = string[];

export interface ValueGroup {
  /** Value tokens in order (blank markers such as "—" included). */
  tokens: string[];
  /**
   * Separators between neighbouring tokens (spaces, or tabs), one fewer than tokens; null when the
   * source gives no spacing (tokens from different lines).
   */
  gaps: number[] | null;
  /** Tokens are the row's cells in place (a table cell per column, blanks marked). */
  positional: boolean;
  line: number;
  text: string;
}

/** Counts as a number for the identities: blank is 0 there (a published blank usually means 0). */
export const asCount = (raw: string): number | null => (isBlankText(raw) ? null : /^\d+$/.test(raw) ? Number(raw) : null);

/** A row check: true when the cells agree with the row's own identity (e.g. c1+…+c6 = c7). */
export type RowCheck = (cells: readonly string[]) => boolean;

/** Independent parts of a row, each with the check of its own cells (null: none). */
export interface Segment {
  width: number;
  check: RowCheck | null;
}

/** At most this many readings are kept for a row; beyond it the row is reported as unplaced. */
export const MAX_CANDIDATES = 10_000;
/** Readings enumerated for a row before the identities filter them (C(15,7) = 6435 fits). */
const MAX_READINGS = 20_000;

/** All ways to put `tokens` into `width` columns in order, the other columns blank. */
function spreadAll(tokens: readonly string[], width: number, out: Placement[]): void {
  const pick: number[] = [];
  const walk = (from: number): void => {
    if (out.length > MAX_READINGS) return;
    if (pick.length === tokens.length) {
      const cells = Array<string>(width).fill('');
      pick.forEach((column, i) => (cells[column] = tokens[i]));
      out.push(cells);
      return;
    }
    for (let column = from; column <= width - (tokens.length - pick.length); column += 1) {
      pick.push(column);
      walk(column + 1);
      pick.pop();
    }
  };
  walk(0);
}

/**
 * Spreads tokens over a row made of independent segments (the review row: three groups of five),
 * segment by segment, keeping only segment placements its own check accepts: C(15, k) readings
 * become a product of a few per group.
 */
function spread(tokens: readonly string[], segments: readonly Segment[], out: Placement[]): void {
  const width = segments.reduce((w, s) => w + s.width, 0);
  const per: Placement[][][] = segments.map(() => []);
  const placementsOf = (segment: number, count: number): Placement[] => {
    per[segment][count] ??= (() => {
      const all: Placement[] = [];
      spreadAll(Array<string>(count).fill('\u0000'), segments[segment].width, all);
      return all;
    })();
    return per[segment][count];
  };
  const parts: Placement[] = [];
  const walk = (segment: number, used: number): void => {
    if (out.length > MAX_READINGS) return;
    if (segment === segments.length) {
      if (used === tokens.length) out.push(parts.flat());
      return;
    }
    const room = segments[segment].width;
    const last = segment === segments.length - 1;
    // The last segment takes every token left; the others any number that fits.
    for (let count = last ? tokens.length - used : 0; count <= Math.min(room, tokens.length - used); count += 1) {
      const chunk = tokens.slice(used, used + count);
      for (const shape of placementsOf(segment, count)) {
        let k = 0;
        const cells = shape.map((c) => (c === '' ? '' : chunk[k++]));
        if (segments[segment].check !== null && !segments[segment].check!(cells)) continue;
        parts.push(cells);
        walk(segment + 1, used + count);
        parts.pop();
      }
    }
  };
  if (width > 0) walk(0, 0);
}

/** A run of digits that cutting may split, with the sign before its first cell and the decimals/unit after its last. */
interface CutPiece {
  sign: string;
  digits: string;
  tail: string;
}

/**
 * The pieces of a token written without separators: a sign always starts a new cell ("2648-18538"),
 * decimals and a unit end the last one ("13575394432.52元"). null when the token is not such a run.
 */
function cutPieces(token: string): CutPiece[] | null {
  const match = /^((?:[+\-−－]?\d+)+)(\.\d+)?(元|万元|亿元)?$/.exec(token);
  if (match === null) return null;
  const pieces = [...match[1].matchAll(/([+\-−－]?)(\d+)/g)].map((m) => ({ sign: m[1], digits: m[2], tail: '' }));
  pieces[pieces.length - 1].tail = `${match[2] ?? ''}${match[3] ?? ''}`;
  return pieces;
}

/** All ways to cut each token into one or more cells (no leading zeros) so that there are `width` cells. */
function cut(tokens: readonly string[], width: number, out: Placement[]): void {
  const pieces: CutPiece[] = [];
  for (const token of tokens) {
    const parts = cutPieces(token);
    if (parts === null) return;
    pieces.push(...parts);
  }
  const cells: string[] = [];
  const walk = (piece: number, at: number): void => {
    if (out.length > MAX_READINGS) return;
    if (piece === pieces.length) {
      if (cells.length === width) out.push([...cells]);
      return;
    }
    const { sign, digits, tail } = pieces[piece];
    const remainingPieces = pieces.length - piece - 1;
    if (cells.length + 1 + remainingPieces > width) return;
    const maxLength = digits[at] === '0' ? 1 : digits.length - at;
    for (let length = 1; length <= maxLength; length += 1) {
      const end = at + length === digits.length;
      cells.push(`${at === 0 ? sign : ''}${digits.slice(at, at + length)}${end ? tail : ''}`);
      if (end) walk(piece + 1, 0);
      else walk(piece, at + length);
      cells.pop();
    }
  };
  walk(0, 0);
}

/**
 * Inner blank columns the spacing may imply between neighbouring tokens, one pattern per separator
 * width (web text writes one space between cells and one more per lost cell; other text uses wider
 * separators). None when the spacing is even, which says nothing.
 */
function spacingPatterns(gaps: readonly number[] | null): number[][] {
  if (gaps === null || gaps.length === 0) return [];
  const base = Math.min(...gaps);
  if (gaps.every((g) => g === base)) return [];
  return Array.from({ length: base }, (_, b) => gaps.map((g) => g - (b + 1)));
}

function followsSpacing(cells: readonly string[], pattern: readonly number[]): boolean {
  const filled = cells.flatMap((c, i) => (c === '' ? [] : [i]));
  return pattern.every((skip, i) => filled[i + 1] - filled[i] - 1 === skip);
}

export interface RowReading {
  /** Every reading consistent with the row's identity (or every reading, when none is). */
  candidates: Placement[];
  /** The candidates satisfy the row's identity. */
  checked: boolean;
}

/**
 * The readings of a value group as `width` cells. Positional groups and groups of exactly `width`
 * tokens read as they stand; shorter groups are spread (lost blanks) or cut (run-together digits).
 * null when there are too many readings or more tokens than cells.
 */
export function readingsOf(group: ValueGroup, width: number, check: RowCheck | null, segments?: readonly Segment[]): RowReading | null {
  const tokens = group.tokens;
  if (group.positional || tokens.length === width) {
    if (tokens.length > width && tokens.slice(width).some((t) => !isBlankText(t))) return null;
    const cells = Array.from({ length: width }, (_, i) => (tokens[i] === undefined || isBlankText(tokens[i]) ? '' : tokens[i]));
    return { candidates: [cells], checked: check === null || check(cells) };
  }
  if (tokens.length > width || tokens.length === 0) return null;
  const clean = tokens.map((t) => (isBlankText(t) ? '' : t));
  const read = (checked: boolean): Placement[] => {
    const all: Placement[] = [];
    const parts = segments ?? [{ width, check }];
    // A token with a leading zero ("000", "012") is never one cell: it can only be cut.
    if (!clean.some((t) => /^0\d/.test(t))) spread(clean, checked ? parts : parts.map((p) => ({ ...p, check: null })), all);
    const cuts: Placement[] = [];
    if (checked && totalLast(check, width) && clean.every((t) => DIGIT_RUN.test(t))) cutToTotal(clean, width, cuts);
    else cut(clean, width, cuts);
    all.push(...(checked && check !== null ? cuts.filter(check) : cuts));
    return all;
  };
  let all = check === null ? read(false) : read(true);
  const consistent = check === null || all.length > 0;
  if (all.length === 0) all = read(false);
  if (all.length > MAX_READINGS) return null;
  const pool = all.length < 2 ? all : [...new Map(all.map((c) => [c.join('\u0001'), c])).values()];
  const patterns = spacingPatterns(group.gaps);
  const spaced = patterns.length === 0 ? pool : pool.filter((c) => c.some((cell) => cell === '') && patterns.some((p) => followsSpacing(c, p)));
  const candidates = spaced.length > 0 ? spaced : pool;
  if (candidates.length > MAX_CANDIDATES) return null;
  return { candidates, checked: check !== null && consistent };
}

/** A cell as a count for the identities: '' is 0 (blank), a digit string its value, anything else NaN. */
function countOf(cell: string): number {
  if (cell === '') return 0;
  let value = 0;
  for (let i = 0; i < cell.length; i += 1) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A row check for "the cells at `items` sum to the cell at `total`". A blank counts as 0, as
 * published reports use it; a blank total then needs columns summing to 0.
 */
export function sumCheck(groups: readonly SumGroup[]): RowCheck {
  const check: RowCheck = (cells) =>
    groups.every(({ items, total }) => {
      let sum = 0;
      for (const i of items) sum += countOf(cells[i]);
      return sum === countOf(cells[total]);
    });
  return Object.assign(check, { sumGroups: groups });
}

interface SumGroup {
  items: readonly number[];
  total: number;
}

/** Is `check` "every other cell sums to the last one" (a seven-cell applications row)? */
function totalLast(check: RowCheck | null, width: number): boolean {
  const groups = (check as (RowCheck & { sumGroups?: readonly SumGroup[] }) | null)?.sumGroups;
  return groups?.length === 1 && groups[0].total === width - 1 && groups[0].items.length === width - 1 && width > 1;
}

const DIGIT_RUN = /^\d+$/;
/** Longest total tried: beyond it a count is not a count. */
const MAX_TOTAL_DIGITS = 15;

/**
 * The cuts of digit runs into `width` cells whose last cell is the sum of the others, found total
 * first: each suffix of the last run is a total, and the digits before it are cut into the other
 * cells while their sum stays within it. The same readings as cutting every way and keeping the
 * balanced ones, without enumerating the unbalanced ones (a 22-digit row has 54 264 cuts).
 */
function cutToTotal(tokens: readonly string[], width: number, out: Placement[]): void {
  const last = tokens[tokens.length - 1];
  for (let length = 1; length <= Math.min(last.length, MAX_TOTAL_DIGITS); length += 1) {
    const totalText = last.slice(last.length - length);
    if (length > 1 && totalText.startsWith('0')) continue;
    const total = Number(totalText);
    const head = [...tokens.slice(0, -1), last.slice(0, last.length - length)].filter((t) => t !== '');
    const cells: string[] = [];
    const walk = (token: number, at: number, sum: number): void => {
      if (out.length > MAX_READINGS) return;
      if (token === head.length) {
        if (cells.length === width - 1 && sum === total) out.push([...cells, totalText]);
        return;
      }
      const digits = head[token];
      if (cells.length + 1 + (head.length - token - 1) > width - 1) return;
      const maxLength = digits[at] === '0' ? 1 : Math.min(digits.length - at, MAX_TOTAL_DIGITS);
      for (let cellLength = 1; cellLength <= maxLength; cellLength += 1) {
        const cell = digits.slice(at, at + cellLength);
        const value = sum + Number(cell);
        if (value > total) break;
        cells.push(cell);
        if (at + cellLength === digits.length) walk(token + 1, 0, value);
        else walk(token, at + cellLength, value);
        cells.pop();
      }
    };
    walk(0, 0, 0);
  }
}

/** Per column, the distinct values the candidates give ('' blank); one value means the cell is settled. */
export function columnsOf(candidates: readonly Placement[], width: number): string[][] {
  return Array.from({ length: width }, (_, i) => [...new Set(candidates.map((c) => c[i]))]);
}

/** Positions and widths of the value tokens at the end of a line of text. */
export function trailingValues(text: string, isValue: (token: string) => boolean): { label: string; group: Omit<ValueGroup, 'line' | 'positional'> } {
  const matches = [...text.matchAll(/\S+/g)];
  let cut = matches.length;
  while (cut > 0 && isValue(matches[cut - 1][0])) cut -= 1;
  // A label glued to a run of digits ("行政规范性文件3126450") gives its digits as a value token.
  let glued: string | null = null;
  if (cut > 0) {
    const last = matches[cut - 1][0];
    const digits = /[^\d](\d+)$/.exec(last);
    if (digits !== null && /[\u4e00-\u9fff）)”」]$/.test(last.slice(0, last.length - digits[1].length))) glued = digits[1];
  }
  const values = matches.slice(cut);
  const tokens = values.map((m) => m[0]);
  const gaps = values.slice(1).map((m, i) => m.index - (values[i].index + values[i][0].length));
  const labelEnd = cut === 0 ? 0 : matches[cut - 1].index + matches[cut - 1][0].length;
  let label = text.slice(0, labelEnd).trim();
  if (glued !== null) {
    label = label.slice(0, label.length - glued.length);
    return { label, group: { tokens: [glued, ...tokens], gaps: null, text } };
  }
  return { label, group: { tokens, gaps: tokens.length > 1 ? gaps : null, text } };
}
