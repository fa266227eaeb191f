import type { FormatId } from '../model/format.js';
import { activeDisclosureTables } from '../model/grid.js';
import type { SubTableDef } from '../model/grid.js';
import { INFO_CONTENT_HEADER } from '../model/labels.js';
import { editDistance, normaliseLabel } from '../text/normalise.js';
import { isPageFurniture } from './source-lines.js';
import type { SourceLine, UnplacedItem } from './source-lines.js';
import { isValueText, valueTokens } from './value-tokens.js';

const ITEM = /^第二十条第\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项/;
const ITEM_KEYS: Record<string, string> = { 一: 'article20Item1', 五: 'article20Item5', 六: 'article20Item6', 八: 'article20Item8', 九: 'article20Item9' };

/** A 主动公开 row as read: its raw cells, or null when they could not be told apart. */
export interface RawActiveRow {
  item: string;
  row: string;
  line: number;
  label: string;
  text: string;
  /** Cells came from tab columns, so a short row means blank trailing cells. */
  positional: boolean;
  /** The value tokens in order ('' an empty tab cell when positional). */
  cells: string[];
}

export interface ActiveDisclosureRead {
  rows: RawActiveRow[];
  /** item → header labels as written, aligned to the columns of `headerFormat[item]`. */
  headers: Record<string, string[]>;
  headerFormat: Record<string, FormatId | null>;
  votes: Record<FormatId, number>;
  item9: boolean;
  unplaced: UnplacedItem[];
}

const subTable = (format: FormatId, item: string): SubTableDef | undefined =>
  activeDisclosureTables(format).find((t) => t.pointer.endsWith(`/${item}`));

/** Row labels of an item in either format, longest first so 行政规范性文件 wins over 规范性文件. */
function rowLabels(item: string): { format: FormatId; key: string; label: string }[] {
  return (['2019', '2021'] as const)
    .flatMap((format) => (subTable(format, item)?.rows ?? []).map((r) => ({ format, key: r.id, label: r.label })))
    .sort((a, b) => b.label.length - a.label.length);
}

/** Aligns header pieces with a format's column labels; returns the as-written labels and the distance. */
function alignHeader(pieces: readonly string[], labels: readonly string[]): { written: string[]; distance: number } {
  const joined = pieces.map(normaliseLabel).join('');
  const canonical = labels.map(normaliseLabel);
  if (joined === canonical.join('')) return { written: [...labels], distance: 0 };
  if (pieces.length === labels.length) {
    return { written: [...pieces], distance: pieces.reduce((d, p, i) => d + editDistance(normaliseLabel(p), canonical[i]), 0) };
  }
  return { written: [pieces.join('')], distance: editDistance(joined, canonical.join('')) };
}

function readHeader(item: string, pieces: readonly string[], result: ActiveDisclosureRead): void {
  const options = (['2019', '2021'] as const)
    .map((format) => ({ format, table: subTable(format, item) }))
    .filter((o): o is { format: FormatId; table: SubTableDef } => o.table !== undefined)
    .map((o) => ({ format: o.format, ...alignHeader(pieces, o.table.columns.map((c) => c.label)) }))
    .sort((a, b) => a.distance - b.distance);
  const best = options[0];
  const tie = options.length > 1 && options[1].distance === best.distance;
  result.headers[item] = best.written;
  result.headerFormat[item] = tie ? null : best.format;
  if (!tie && options.length > 1) result.votes[best.format] += 1;
}

/** Reads the 主动公开 sub-tables from `lines[from, to)`. Values stay raw until the format is settled. */
export function readActiveDisclosure(lines: readonly SourceLine[], from: number, to: number): ActiveDisclosureRead {
  const result: ActiveDisclosureRead = { rows: [], headers: {}, headerFormat: {}, votes: { '2019': 0, '2021': 0 }, item9: false, unplaced: [] };
  let item: string | null = null;
  let header: string[] | null = null;
  let pending: { cells: string[]; positional: boolean; text: string; line: number } | null = null;
  let pendingAfter: number | null = null;
  /** The row value lines are being added to, one cell per line. */
  let appending: RawActiveRow | null = null;
  const closeHeader = (): void => {
    if (item !== null && header !== null) readHeader(item, header, result);
    header = null;
  };
  for (let index = from; index < to; index += 1) {
    const line = lines[index];
    const squashed = line.text.replace(/\s+/g, '');
    if (squashed === '') continue;
    const itemMatch = ITEM.exec(squashed);
    if (itemMatch !== null) {
      closeHeader();
      item = ITEM_KEYS[itemMatch[1]] ?? null;
      if (item === 'article20Item9') result.item9 = true;
      if (item === null) result.unplaced.push({ line: line.no, text: line.text, reason: '不是年度报告格式中的第二十条子表' });
      continue;
    }
    if (item === null) {
      result.unplaced.push({ line: line.no, text: line.text, reason: '主动公开表中无法归属的内容' });
      continue;
    }
    if (squashed.startsWith(INFO_CONTENT_HEADER)) {
      closeHeader();
      header = line.tabbed
        ? line.cells.slice(1).filter((c) => c !== '')
        : line.text.slice(line.text.indexOf('内容') + 2).split(/\s+/).filter((c) => c !== '');
      continue;
    }
    if (isPageFurniture(line.text)) continue;
    const row = rowLabels(item).find((r) => squashed.startsWith(normaliseLabel(r.label)));
    const valueLike = (t: string): boolean => isValueText(t) || /^(?:[+\-−－]?\d|增|减)/.test(t);
    const valuesOnly = valueTokens(line.text).every(valueLike) || (line.tabbed && line.cells.every((c) => c === '' || valueLike(c)));
    if (row === undefined && valuesOnly) {
      // PDF text: a row's values on the line below (or above) its label.
      const last = result.rows[result.rows.length - 1];
      const cells = line.tabbed ? trimTrailing(line.cells) : valueTokens(line.text);
      if (last !== undefined && last.item === item && last.cells.length === 0 && last.line >= (pendingAfter ?? 0)) {
        last.cells = cells;
        last.positional = line.tabbed;
        last.text = `${last.text} ${line.text}`;
        appending = last;
      } else if (appending !== null && !line.tabbed && appending.cells.length + cells.length <= widthOf(item, result)) {
        // One cell per line (web copies of tables): the row's next cell.
        appending.cells = [...appending.cells, ...cells];
        appending.text = `${appending.text} ${line.text}`;
      } else {
        pending = { cells, positional: line.tabbed, text: line.text, line: line.no };
        appending = null;
      }
      continue;
    }
    appending = null;
    if (row === undefined) {
      if (header !== null) header.push(...(line.tabbed ? line.cells.filter((c) => c !== '') : [line.text]));
      else result.unplaced.push({ line: line.no, text: line.text, reason: '主动公开表中无法识别的行' });
      continue;
    }
    closeHeader();
    result.votes[row.format] += rowLabels(item).some((r) => r.label === row.label && r.format !== row.format) ? 0 : 1;
    if (item === 'article20Item9') result.votes['2019'] += 1;
    const raw: RawActiveRow = { item, row: row.key, line: line.no, label: row.label, text: line.text, positional: line.tabbed, cells: rowCells(line, row.label) };
    if (raw.cells.length === 0 && pending !== null) {
      raw.cells = pending.cells;
      raw.positional = pending.positional;
      raw.text = `${pending.text} ${raw.text}`;
      pending = null;
      pendingAfter = line.no + 1;
    }
    result.rows.push(raw);
  }
  if (pending !== null) result.unplaced.push({ line: pending.line, text: pending.text, reason: '主动公开表中无法归属的数值' });
  closeHeader();
  return result;
}

/** How many cells a row of `item` has: as its header says, else the fewest either format gives it. */
function widthOf(item: string, read: ActiveDisclosureRead): number {
  const header = read.headers[item];
  if (header !== undefined && header.length > 1) return header.length;
  return Math.min(...(['2019', '2021'] as const).map((format) => subTable(format, item)?.columns.length ?? Number.POSITIVE_INFINITY));
}

const trimTrailing = (cells: readonly string[]): string[] => {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

/** The raw value cells of a row line: tab cells, or the tokens after the label (digits glued to the label are one token). */
function rowCells(line: SourceLine, label: string): string[] {
  if (line.tabbed) return trimTrailing(line.cells.slice(1));
  const compact = line.text.replace(/\s+/g, ' ');
  let rest = compact;
  for (const char of label) rest = rest.slice(rest.indexOf(char) + 1);
  return valueTokens(rest.trim());
}
