import { DENIED_GROUP, NOT_PROCESSED_GROUP, OTHER_HANDLING_LABEL, UNABLE_GROUP, activeDisclosureTables, applicationsTable } from '../model/grid.js';
import { INFO_CONTENT_HEADER, SECTION_HEADING_VARIANTS, SECTION_NUMERALS, SECTION_ORDER } from '../model/labels.js';
import type { SectionId } from '../model/report.js';
import { headingKey } from '../text/headings.js';
import { editDistance } from '../text/normalise.js';

/**
 * Text whose line breaks were lost — a page's text content saved as one line, an extraction that
 * joined every text node — gets them back before import: a break around each top-level heading
 * found inside the line and, in the table sections (二, 三, 四), before each sub-table title, header
 * and row label of the template. The labels are the template's own; values stay where they are
 * (run together or not), for the readers to place. A line that carries a table but fewer than
 * three headings is broken at the table's labels only (the tables run into one line, the prose kept);
 * other lines are left alone.
 */

interface InlineHeading {
  section: SectionId;
  start: number;
  end: number;
}

const NUMERAL = /[一二三四五六]\s*[、.．]/g;
const MIN_INLINE_HEADINGS = 3;

/** The heading starting at `at` (its numeral), if the text after the numeral reads as one of the section's headings. */
function headingAt(text: string, at: number, numeralLength: number): InlineHeading | null {
  const section = SECTION_ORDER[SECTION_NUMERALS.indexOf(text[at] as (typeof SECTION_NUMERALS)[number])];
  const bodyStart = at + numeralLength;
  let best: { distance: number; end: number; slack: number } | null = null;
  for (const variant of SECTION_HEADING_VARIANTS[section]) {
    const key = headingKey(variant);
    const tolerance = Math.max(1, Math.floor(key.length / 5));
    for (let length = variant.length - tolerance; length <= variant.length + tolerance; length += 1) {
      const candidate = text.slice(bodyStart, bodyStart + length);
      if (candidate.length < length) break;
      const distance = editDistance(headingKey(candidate), key, tolerance);
      if (distance > tolerance) continue;
      const slack = Math.abs(length - variant.length);
      if (best === null || distance < best.distance || (distance === best.distance && slack < best.slack)) best = { distance, end: bodyStart + length, slack };
    }
  }
  return best === null ? null : { section, start: at, end: best.end };
}

/** Characters between two headings that still make them items of one list ("一、总体情况；二、…"). */
const LIST_GAP = 2;

/**
 * The headings of the line in order, one per section. Headings written next to each other are an
 * opening sentence listing the parts, not the parts themselves, and are skipped.
 */
function inlineHeadings(text: string): InlineHeading[] {
  const all = [...text.matchAll(NUMERAL)].flatMap((match) => headingAt(text, match.index, match[0].length) ?? []);
  const gap = (a: InlineHeading, b: InlineHeading): number => text.slice(a.end, b.start).replace(/[\s；;，,、。.]/g, '').length;
  const listed = (i: number): boolean => (i > 0 && gap(all[i - 1], all[i]) <= LIST_GAP) || (i + 1 < all.length && gap(all[i], all[i + 1]) <= LIST_GAP);
  const chosen: InlineHeading[] = [];
  for (const heading of all.filter((_, i) => !listed(i))) {
    const last = chosen[chosen.length - 1];
    if (last === undefined || (SECTION_ORDER.indexOf(heading.section) > SECTION_ORDER.indexOf(last.section) && heading.start >= last.end)) chosen.push(heading);
  }
  return chosen;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as a pattern: either bracket width, spaces allowed anywhere in it, at most `length` characters of it. */
function labelPattern(label: string, length: number): string {
  const numbered = /^((?:[（(][一二三四五六七八九十]+[)）])|(?:[一二三四五六七八九十]+、)|(?:\d+\.))(.*)$/.exec(label);
  const [numbering, body] = numbered === null ? ['', label] : [numbered[1], numbered[2]];
  const numberingPattern = escape(numbering).replace(/[（(]/g, '[（(]').replace(/[)）]/g, '[)）]').replace(/\\\./, '\\s*[.．、]');
  const head = [...body.slice(0, Math.max(2, length - numbering.length))].map(escape).join('\\s*');
  return `${numberingPattern}\\s*${head}`;
}

const TABLE_LABELS: RegExp = (() => {
  const formats = ['2019', '2021'] as const;
  const active = formats.flatMap((f) => activeDisclosureTables(f).flatMap((t) => t.rows.map((r) => r.label)));
  const applications = formats.flatMap((f) => applicationsTable(f).rows.map((r) => r.label));
  const groups = ['三、本年度办理结果', DENIED_GROUP, UNABLE_GROUP, NOT_PROCESSED_GROUP, OTHER_HANDLING_LABEL];
  const labels = [...new Set([...active, ...applications, ...groups])].sort((a, b) => b.length - a.length);
  const patterns = [
    '第二十条\\s*第\\s*[（(]',
    escape(INFO_CONTENT_HEADER),
    '[（(]本列数据',
    ...labels.map((label) => labelPattern(label, 9)),
    // The review table: its header, then its row of 15 numbers after the last 总计.
    '(?<!申请情况)行政复议(?=\\s*行政诉讼)',
  ];
  return new RegExp(patterns.join('|'), 'g');
})();

/** Breaks a table section's text before every template label found in it. */
function breakTable(text: string): string[] {
  const starts = [...text.matchAll(TABLE_LABELS)].map((m) => m.index).filter((i) => i > 0);
  const pieces = [0, ...starts].map((start, i, all) => text.slice(start, all[i + 1] ?? text.length));
  // The review table's numbers follow its header directly: give them a line of their own.
  return pieces.flatMap((piece) => {
    const review = /^(行政复议.*总计)\s*([\d\s]+)$/.exec(piece);
    return review === null ? [piece] : [review[1], review[2]];
  });
}

/** A title ("…2021年度政府信息公开工作年度报告") near the start of the text before 一 goes on a line of its own. */
const TITLE = /[^\s，。：:]*\d{4}\s*年度?[^\s，。]{0,30}?年度报告/;
function splitTitle(text: string): string[] {
  const title = TITLE.exec(text);
  if (title === null || title.index > 80) return [text];
  return [text.slice(0, title.index), title[0], text.slice(title.index + title[0].length)];
}

/** Template labels a line must hold to be taken for a table run into one line. */
const MIN_TABLE_LABELS = 5;
const TABLE_MARKER = /第二十条\s*第|勾稽关系|本年新收/;
const TABLE_SECTIONS: ReadonlySet<SectionId> = new Set(['activeDisclosure', 'applications', 'reviewLitigation']);

/** The line as one or more lines: unchanged unless it is a whole report (or most of one) run into one line. */
export function reflowLine(line: string): string[] {
  // A whole report on one line carries its tables; an opening sentence listing the six parts does not.
  if (!TABLE_MARKER.test(line)) return [line];
  const headings = inlineHeadings(line);
  if (headings.length < MIN_INLINE_HEADINGS) {
    // The tables alone on one line, their headings on lines of their own.
    const labels = [...line.matchAll(TABLE_LABELS)].length;
    return labels >= MIN_TABLE_LABELS ? breakTable(line).map((piece) => piece.trim()).filter((piece) => piece !== '') : [line];
  }
  const out: string[] = splitTitle(line.slice(0, headings[0].start));
  headings.forEach((heading, i) => {
    out.push(line.slice(heading.start, heading.end));
    const body = line.slice(heading.end, headings[i + 1]?.start ?? line.length);
    out.push(...(TABLE_SECTIONS.has(heading.section) ? breakTable(body) : [body]));
  });
  return out.map((piece) => piece.trim()).filter((piece) => piece !== '');
}
