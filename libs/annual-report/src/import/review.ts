import { REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS } from '../model/grid.js';
import { readingsOf, sumCheck, trailingValues } from './placements.js';
import type { Placement, Segment, ValueGroup } from './placements.js';
import { isPageFurniture } from './source-lines.js';
import type { SourceLine, UnplacedItem } from './source-lines.js';
import { isValueText } from './value-tokens.js';

export interface ReviewRead {
  /** Pointer → raw cell ('' blank) for the 15 cells, when placed. */
  values: Map<string, string>;
  /** The readings of the row when its identities could not narrow them to one. */
  ambiguous: { line: number; text: string; candidates: Placement[] } | null;
  header: string;
  unplaced: UnplacedItem[];
}

export const REVIEW_POINTERS: readonly string[] = REVIEW_GROUPS.flatMap((g) =>
  REVIEW_OUTCOME_COLUMNS.map(([key]) => `/reviewLitigation/${g.key}/${key}`),
);

const FIFTEEN = sumCheck([
  { items: [0, 1, 2, 3], total: 4 },
  { items: [5, 6, 7, 8], total: 9 },
  { items: [10, 11, 12, 13], total: 14 },
]);
const FIVE = sumCheck([{ items: [0, 1, 2, 3], total: 4 }]);
/** The row is three groups of five whose totals are their own: spread tokens group by group. */
const GROUPS: readonly Segment[] = [0, 1, 2].map(() => ({ width: 5, check: FIVE }));
const WIDTH = REVIEW_POINTERS.length;

function groupOfDataLine(line: SourceLine): ValueGroup {
  if (line.tabbed) {
    const cells = [...line.cells];
    while (cells.length > WIDTH && cells[cells.length - 1] === '') cells.pop();
    while (cells.length > WIDTH && cells[0] === '') cells.shift();
    if (cells.length === WIDTH) return { tokens: cells, gaps: null, positional: true, line: line.no, text: line.text };
    const filled = cells.flatMap((c, i) => (c === '' ? [] : [i]));
    return { tokens: filled.map((i) => cells[i]), gaps: filled.slice(1).map((i, k) => i - filled[k]), positional: false, line: line.no, text: line.text };
  }
  const { group } = trailingValues(line.text, isValueText);
  return { ...group, positional: false, line: line.no };
}

/** Reads the review/litigation table: header text (for LBL-01) and its single row of 15 cells. */
export function readReview(lines: readonly SourceLine[], from: number, to: number): ReviewRead {
  const read: ReviewRead = { values: new Map(), ambiguous: null, header: '', unplaced: [] };
  const header: string[] = [];
  const groups: ValueGroup[] = [];
  for (let index = from; index < to; index += 1) {
    const line = lines[index];
    if (line.text === '' || isPageFurniture(line.text)) continue;
    const isData = line.cells.every((c) => c === '' || isValueText(c)) && line.text.split(/\s+/).every(isValueText);
    if (!isData) header.push(line.text.replace(/\s+/g, ''));
    else groups.push(groupOfDataLine(line));
  }
  read.header = header.join('');
  // PDF text may break the one data row over several lines; join them when no line is a row by itself.
  const single = groups.filter((g) => g.positional || g.tokens.length === WIDTH);
  const chosen: ValueGroup | null =
    groups.length === 0
      ? null
      : single.length === 1 && groups.length === 1
        ? single[0]
        : groups.length === 1
          ? groups[0]
          : { tokens: groups.flatMap((g) => g.tokens.filter((t) => t !== '')), gaps: null, positional: false, line: groups[0].line, text: groups.map((g) => g.text).join(' ') };
  if (chosen === null) return read;
  const reading = readingsOf(chosen, WIDTH, FIFTEEN, GROUPS);
  if (reading === null) {
    read.unplaced.push({ line: chosen.line, text: chosen.text, reason: '行政复议、行政诉讼表的数值个数不是15个，无法确定所在列' });
    return read;
  }
  if (reading.candidates.length === 1) reading.candidates[0].forEach((cell, i) => read.values.set(REVIEW_POINTERS[i], cell));
  else read.ambiguous = { line: chosen.line, text: chosen.text, candidates: reading.candidates };
  return read;
}
