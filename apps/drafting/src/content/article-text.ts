import { Parser } from 'htmlparser2';

/** Elements that end a line of text when they close (or, for br, where they stand). */
const BLOCKS: ReadonlySet<string> = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'section', 'br']);

/**
 * The text a reader sees of an article's (sanitized) HTML body: entities decoded, tags gone, one line
 * per block. What the diff of two versions compares, so a change of markup alone is no change.
 */
export function articleText(html: string): string {
  const lines: string[] = [];
  let line = '';
  const end = (): void => {
    lines.push(line.replace(/\s+/g, ' ').trim());
    line = '';
  };
  const parser = new Parser(
    {
      ontext: (text) => {
        line += text;
      },
      onopentag: (name) => {
        if (name === 'br') end();
      },
      onclosetag: (name) => {
        if (BLOCKS.has(name) && name !== 'br') end();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  end();
  return lines.filter((text, index, all) => text !== '' || (index > 0 && all[index - 1] !== '')).join('\n').trim();
}
