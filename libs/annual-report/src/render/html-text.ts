import { Parser } from 'htmlparser2';

/** Elements whose end ends a line (br ends one where it stands). */
const LINE_ENDS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'tr', 'caption', 'div', 'li', 'section']);
const CELLS: ReadonlySet<string> = new Set(['td', 'th']);

/**
 * The text of a report page rendered by renderReportHtml, laid out the way table extractors give
 * it: one line per block or table row, tab-separated cells, an empty data cell written as "—"
 * so that blank cells keep their column. Meant for our own HTML, not arbitrary pages. Parsed by
 * htmlparser2, which decodes every entity.
 */
export function htmlToText(html: string): string {
  let text = '';
  let inHead = false;
  let cellStart = -1;
  let cellsInRow = 0;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (name === 'head') inHead = true;
        else if (name === 'br') text += '\n';
        else if (name === 'tr') cellsInRow = 0;
        else if (CELLS.has(name)) {
          if (cellsInRow > 0) text += '\t';
          cellsInRow += 1;
          cellStart = text.length;
        }
      },
      ontext: (chunk) => {
        // Whitespace between the cells of a row is layout, not text.
        if (!inHead && (cellStart !== -1 || cellsInRow === 0 || chunk.trim() !== '')) text += chunk;
      },
      onclosetag: (name) => {
        if (name === 'head') inHead = false;
        else if (name === 'tr') cellsInRow = 0;
        else if (CELLS.has(name)) {
          if (name === 'td' && text.slice(cellStart).trim() === '') text = `${text.slice(0, cellStart)}—`;
          cellStart = -1;
        }
        if (LINE_ENDS.has(name)) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text
    .replaceAll('\u00a0', ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
}
