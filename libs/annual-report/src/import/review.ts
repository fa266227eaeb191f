import { REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS } from '../model/grid.js';
import { splitRunTogether, sumsTo } from './run-together.js';
import type { SourceLine, UnplacedItem } from './source-lines.js';
import { isValueText } from './value-tokens.js';

export interface ReviewRead {
  /** Pointer → raw cell ('' blank) for the 15 cells, when placed. */
  values: Map<string, string>;
  header: string;
  unplaced: UnplacedItem[];
}

export const REVIEW_POINTERS: readonly string[] = REVIEW_GROUPS.flatMap((g) =>
  REVIEW_OUTCOME_COLUMNS.map(([key]) => `/reviewLitigation/${g.key}/${key}`),
);

const FIFTEEN = (p: number[]): boolean => sumsTo(p, [0, 1, 2, 3], 4) && sumsTo(p, [5, 6, 7, 8], 9) && sumsTo(p, [10, 11, 12, 13], 14);

function cellsOfDataLine(line: SourceLine): string[] | null {
  if (line.tabbed) {
    const cells = [...line.cells];
    while (cells.length > REVIEW_POINTERS.length && cells[cells.length - 1] === '') cells.pop();
    return cells.length === REVIEW_POINTERS.length ? cells : null;
  }
  const tokens = line.text.split(/\s+/);
  if (tokens.length === REVIEW_POINTERS.length) return tokens;
  if (tokens.length === 1) {
    const splits = splitRunTogether(tokens[0], REVIEW_POINTERS.length, FIFTEEN);
    if (splits.length === 1) return splits[0].map(String);
  }
  return null;
}

/** Reads the review/litigation table: header text (for LBL-01) and its single row of 15 cells. */
export function readReview(lines: readonly SourceLine[], from: number, to: number): ReviewRead {
  const read: ReviewRead = { values: new Map(), header: '', unplaced: [] };
  const header: string[] = [];
  for (let index = from; index < to; index += 1) {
    const line = lines[index];
    if (line.text === '') continue;
    const isData = line.cells.every((c) => c === '' || isValueText(c)) && line.text.split(/\s+/).every(isValueText);
    if (!isData) {
      header.push(line.text.replace(/\s+/g, ''));
      continue;
    }
    const cells = cellsOfDataLine(line);
    if (cells === null || read.values.size > 0) {
      read.unplaced.push({ line: line.no, text: line.text, reason: '行政复议、行政诉讼表的数值个数不是15个，无法确定所在列' });
      continue;
    }
    cells.forEach((cell, i) => read.values.set(REVIEW_POINTERS[i], cell));
  }
  read.header = header.join('');
  return read;
}
