import type ExcelJS from 'exceljs';
import { parseDocument } from 'htmlparser2';

/**
 * Saved web pages and workbooks as the text the importer reads: one line per paragraph or table
 * row, a row's cells tab-separated. A merged cell (rowspan/colspan) is written once, where it
 * starts; the importer places values by the row's label and the template's column count, so the
 * positions a span covers need no filler. In a row that holds numbers an empty cell (`&nbsp;`)
 * is written "—", so that a blank keeps its column.
 */

type DomNode = ReturnType<typeof parseDocument>['children'][number];
interface DomElement {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'title']);
const BLOCKS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'caption', 'tr', 'table', 'tbody', 'thead', 'center', 'blockquote', 'pre', 'dd', 'dt', 'form']);

const isElement = (node: DomNode): node is DomNode & DomElement => 'name' in node && 'children' in node;
const isText = (node: DomNode): node is DomNode & { data: string } => node.type === 'text';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Collapses a cell's text: whitespace (and &nbsp;) to one space, none between two CJK characters. */
function tidy(text: string): string {
  const spaced = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return spaced.replace(/ (?=.)/g, (space, offset: number) => (CJK.test(spaced[offset - 1]) && CJK.test(spaced[offset + 1]) ? '' : space));
}

function textOf(node: DomNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) || SKIPPED.has(node.name)) return '';
  const inner = node.children.map(textOf).join('');
  return BLOCKS.has(node.name) ? ` ${inner} ` : inner;
}

function contains(node: DomNode, name: string): boolean {
  return isElement(node) && node.children.some((child) => isElement(child) && (child.name === name || contains(child, name)));
}

function rowsOf(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  const walk = (node: DomNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'tr') rows.push(node);
    else if (node.name !== 'table' || node === (table as unknown)) node.children.forEach(walk);
  };
  walk(table as unknown as DomNode);
  return rows;
}

function tableLines(table: DomElement, out: string[]): void {
  for (const row of rowsOf(table)) {
    const cells = row.children.filter((c): c is DomNode & DomElement => isElement(c) && (c.name === 'td' || c.name === 'th')).map((c) => tidy(textOf(c)));
    if (cells.every((c) => c === '')) continue;
    out.push(markBlanks(cells).join('\t'));
  }
}

/** In a row of numbers, an empty cell after the first number is a blank cell of the grid: written "—". */
function markBlanks(cells: readonly string[]): string[] {
  const first = cells.findIndex((c) => /^\s*[+\-−－]?\d/.test(c));
  return cells.map((c, i) => (c === '' && first >= 0 && i > first ? '—' : c));
}

/** The text of a saved report page: paragraphs as lines, data tables (those without a nested table) as tab-separated rows. */
export function htmlText(html: string): string {
  const out: string[] = [];
  let inline = '';
  const flush = (): void => {
    const text = tidy(inline);
    if (text !== '') out.push(text);
    inline = '';
  };
  const walk = (node: DomNode): void => {
    if (isText(node)) {
      inline += node.data;
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name)) {
      if ('children' in node && !isElement(node)) (node.children as DomNode[]).forEach(walk);
      return;
    }
    if (node.name === 'table' && !contains(node, 'table')) {
      flush();
      tableLines(node, out);
      return;
    }
    const block = BLOCKS.has(node.name) || node.name === 'td' || node.name === 'th';
    if (block) flush();
    node.children.forEach(walk);
    if (block) flush();
  };
  parseDocument(html).children.forEach(walk);
  flush();
  return out.join('\n');
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result);
  return typeof value === 'object' ? cell.text : String(value);
}

/**
 * The text of a workbook: each sheet's name, then its rows (merged cells once, at their top-left
 * cell). A workbook holds only the tables, so `title` (the file's name, e.g. "2022年…年度报告")
 * stands first to give the importer the report year and agency.
 */
export async function xlsxText(bytes: Uint8Array, title: string): Promise<string> {
  // Loaded on the first spreadsheet import, not at boot: it is large and most drafting processes never need it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[] = [title];
  workbook.eachSheet((sheet) => {
    out.push(sheet.name);
    // Empty trailing cells are not stored in a row: every row is read to the sheet's last column.
    const width = sheet.columnCount;
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column += 1) {
        const cell = row.getCell(column);
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        cells.push(tidy(cellText(cell)));
      }
      if (cells.every((c) => c === '')) return;
      out.push(markBlanks(cells).join('\t'));
    });
  });
  return out.join('\n');
}
