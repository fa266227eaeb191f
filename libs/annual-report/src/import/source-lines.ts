import { asciiDigits } from '../text/normalise.js';

/** One line of the extracted text, 1-based line number as in the source. */
export interface SourceLine {
  no: number;
  /** The line with full-width digits made ASCII and the ends trimmed. */
  text: string;
  /** Tab-separated cells (tabs are how table extractors keep columns); one cell when there is no tab. */
  cells: string[];
  tabbed: boolean;
}

export function toLines(source: string): SourceLine[] {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => {
      const text = asciiDigits(raw).replace(/\u00a0/g, ' ');
      const tabbed = text.includes('\t');
      return { no: index + 1, text: text.trim(), cells: tabbed ? text.split('\t').map((c) => c.trim()) : [text.trim()], tabbed };
    });
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
