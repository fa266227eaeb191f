import { asciiDigits } from '../text/normalise.js';
import { reflowLine } from './reflow.js';

/** One line of the extracted text, 1-based line number as in the source. */
export interface SourceLine {
  no: number;
  /** The line with full-width digits made ASCII and the ends trimmed. */
  text: string;
  /** Tab-separated cells (tabs are how table extractors keep columns); one cell when there is no tab. */
  cells: string[];
  tabbed: boolean;
}

/** Cells of a web-text table line written with bars ("规章 | 0 | 0 | 0 |"), trailing empties dropped. */
function barCells(line: string): string[] {
  const cells = line.replace(/\|\s*$/, '').replace(/^\|/, '').split('|').map((c) => c.trim());
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * Web text copied from a page's tables writes cells with bars: a row per line ("规章 | 0 | 0 |"),
 * or a bare "|" line opening each row with one cell per following line ("规章 |", "0 |"). Such rows
 * become tab-separated lines, as table extractors give them; line numbers stay those of the source.
 */
function unbar(raw: readonly string[]): string[] {
  const out = [...raw];
  for (let i = 0; i < raw.length; i += 1) {
    const line = raw[i].trim();
    if (line === '|') {
      const cells: string[] = [];
      let j = i + 1;
      while (j < raw.length && raw[j].trim() !== '|' && /\|\s*$/.test(raw[j])) {
        cells.push(...barCells(raw[j].trim()));
        out[j] = '';
        j += 1;
      }
      out[i] = cells.length > 1 ? cells.join('\t') : (cells[0] ?? '');
      i = j - 1;
    } else if (/\S\s*\|\s*$/.test(line)) {
      const cells = barCells(line);
      out[i] = cells.length > 1 ? cells.join('\t') : cells[0];
    }
  }
  return out;
}

export function toLines(source: string): SourceLine[] {
  return unbar(source.replace(/\r\n?/g, '\n').split('\n')).flatMap((raw, index) =>
    // A line that holds a whole report is broken at its headings and labels; the pieces keep its number.
    reflowLine(asciiDigits(raw).replace(/\u00a0/g, ' ')).map((text) => {
      const tabbed = text.includes('\t');
      return { no: index + 1, text: text.trim(), cells: tabbed ? text.split('\t').map((c) => c.trim()) : [text.trim()], tabbed };
    }),
  );
}

/** Something the importer saw but could not place without guessing. */
export interface UnplacedItem {
  line: number;
  text: string;
  reason: string;
}

/** Page numbers ("- 3 -", "第 3 页", "3/12") that PDF text puts between the rows of a table. */
export function isPageFurniture(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^[-—–]\d{1,3}[-—–]$/.test(t) || /^第\d{1,3}页(?:[,，]?共\d{1,3}页)?$/.test(t) || /^\d{1,3}\/\d{1,3}$/.test(t);
}
