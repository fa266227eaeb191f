import { cellsOf, readCell, writeCell } from '../model/cells.js';
import { createEmptyReport } from '../model/create-report.js';
import type { FormatId } from '../model/format.js';
import { tablesOf } from '../model/grid.js';
import type { SubTableDef } from '../model/grid.js';
import { APPLICATIONS_NOTE, SECTION_HEADINGS } from '../model/labels.js';
import type { AnnualReport } from '../model/report.js';

/**
 * Test support: renders a report's true cells the way published reports reach the importer, so a
 * round trip (render → import) can be compared cell by cell with the truth. Not part of the
 * library's entry point.
 *
 * Layouts (issue #15):
 * - `pdf`: values on the label's line, the line above or the line below; long labels wrapped over
 *   two or three lines; vertical group labels one character per line between rows; page numbers
 *   and running headers between rows; one character dropped or mistyped in some labels; column
 *   headers split over lines. Blank cells leave no token, as in PDF text.
 * - `blanks`: web text, space-separated, an empty cell leaves no token (spacing kept or collapsed).
 * - `runTogether`: web text whose neighbouring cells' digits run together with no separator.
 * - `oneLine`: the run-together text with every line break lost (a page's text content saved as one
 *   line): headings, labels and values follow each other with nothing or a space between them.
 * - `tabbed`: one row per line, cells tab-separated (the baseline).
 * - `html`: a saved page: rowspan/colspan headers, `&nbsp;` blanks, the tables nested in a layout table.
 * HTML is rendered here; the workbook layout is built by the drafting adapter's tests (exceljs).
 */
export type TextLayout = 'tabbed' | 'pdf' | 'blanks' | 'runTogether' | 'oneLine';
export const TEXT_LAYOUTS: readonly TextLayout[] = ['tabbed', 'pdf', 'blanks', 'runTogether', 'oneLine'];

/** A small deterministic generator (mulberry32) so a layout's choices follow from a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text a cell is written with: its as-written text, its number, or '' for blank. */
function cellText(report: AnnualReport, pointer: string): string {
  const written = report.extraction?.asWritten[pointer];
  if (written !== undefined) return written;
  const value = readCell(report, pointer);
  return value === null || value === undefined ? '' : String(value);
}

const isDigits = (t: string): boolean => /^\d+$/.test(t);

interface Row {
  label: string;
  groups: readonly string[];
  cells: string[];
}

/** A column's header as the report wrote it; a synthetic report states the procurement unit. */
function headerOf(report: AnnualReport, table: SubTableDef, column: SubTableDef['columns'][number]): string {
  return report.extraction?.labels[`${table.pointer}#${column.key}`] ?? (column.kind === 'moneyYuan' ? `${column.label}（元）` : column.label);
}

function rowsOf(report: AnnualReport, table: SubTableDef): Row[] {
  return table.rows.map((row) => ({
    label: row.label,
    groups: row.groups,
    cells: table.columns.map((c) => cellText(report, `${row.pointer}/${c.key}`)),
  }));
}

/** Drops one character of a row label (not its numbering) or replaces it with a look-alike. */
function typo(label: string, rand: () => number): string {
  const numbering = /^(\d+\.|（[一二三四五六七]）|[一二三四]、)/.exec(label)?.[0] ?? '';
  const body = label.slice(numbering.length);
  if (body.length < 6) return label;
  const at = 1 + Math.floor(rand() * (body.length - 2));
  const swap: Record<string, string> = { 公: '分', 开: '升', 政: '正', 府: '付', 申: '甲', 请: '清', 禁: '林', 止: '上' };
  const replaced = rand() < 0.5 ? body.slice(0, at) + body.slice(at + 1) : body.slice(0, at) + (swap[body[at]] ?? '口') + body.slice(at + 1);
  return numbering + replaced;
}

function wrap(label: string, rand: () => number): string[] {
  if (label.length < 8) return [label];
  const parts = rand() < 0.3 && label.length >= 14 ? 3 : 2;
  const size = Math.ceil(label.length / parts);
  return Array.from({ length: parts }, (_, i) => label.slice(i * size, (i + 1) * size)).filter((p) => p !== '');
}

/** Values as web text: blanks leave no token; `keepSpacing` adds a space per lost cell. */
function spaced(cells: readonly string[], keepSpacing: boolean): string {
  let out = '';
  let pendingBlanks = 0;
  for (const cell of cells) {
    if (cell === '') {
      pendingBlanks += 1;
      continue;
    }
    if (out !== '') out += ' '.repeat(1 + (keepSpacing ? pendingBlanks : 0));
    out += cell;
    pendingBlanks = 0;
  }
  return out;
}

function values(cells: readonly string[], layout: TextLayout, rand: () => number): string {
  switch (layout) {
    case 'tabbed':
      return cells.join('\t');
    case 'pdf':
      return spaced(cells, false);
    case 'blanks':
      return spaced(cells, rand() < 0.7);
    case 'runTogether':
    case 'oneLine':
      // Digits run together only where every cell is a plain count; other rows keep their spaces.
      return cells.every(isDigits) ? cells.join('') : spaced(cells, true);
  }
}

/** Where PDF text puts a row's values: one choice per table, as a PDF's rows are laid out alike. */
type PdfStyle = 'same' | 'above' | 'below' | 'middle';
const PDF_STYLES: readonly PdfStyle[] = ['same', 'above', 'below', 'middle'];

function rowLines(label: string, cells: readonly string[], layout: TextLayout, rand: () => number, style: PdfStyle = 'same'): string[] {
  const text = values(cells, layout, rand);
  if (layout === 'tabbed') return [`${label}\t${text}`];
  if (layout === 'runTogether') return [text === '' ? label : `${label}${rand() < 0.5 && cells.every(isDigits) ? '' : ' '}${text}`];
  if (layout === 'blanks') return [text === '' ? label : `${label} ${text}`];
  const chunks = wrap(rand() < 0.15 ? typo(label, rand) : label, rand);
  if (text === '') return chunks;
  switch (style) {
    case 'above':
      return [text, ...chunks];
    case 'below':
      return [...chunks, text];
    case 'middle':
      return chunks.length > 1 ? [chunks[0], text, ...chunks.slice(1)] : [`${chunks[0]} ${text}`];
    case 'same':
      return [`${chunks[0]} ${text}`, ...chunks.slice(1)];
  }
}

function activeLines(report: AnnualReport, layout: TextLayout, rand: () => number): string[] {
  const lines: string[] = [];
  for (const table of tablesOf(report.format).filter((t) => t.table === 'activeDisclosure')) {
    lines.push(table.title);
    const header = ['信息内容', ...table.columns.map((c) => headerOf(report, table, c))];
    if (layout === 'pdf') lines.push(...header);
    else lines.push(header.join(layout === 'tabbed' ? '\t' : ' '));
    for (const row of rowsOf(report, table)) {
      const text = values(row.cells, layout, rand);
      if (layout === 'pdf' && text !== '' && rand() < 0.3) lines.push(row.label, text);
      else lines.push(layout === 'tabbed' ? `${row.label}\t${text}` : text === '' ? row.label : `${row.label}${layout === 'runTogether' && row.cells.every(isDigits) ? '' : ' '}${text}`);
    }
  }
  return lines;
}

const PAGE_FURNITURE = (n: number, title: string): string[] => [`- ${n} -`, `第 ${n} 页`, title];

function applicationLines(report: AnnualReport, layout: TextLayout, rand: () => number): string[] {
  const table = tablesOf(report.format).find((t) => t.table === 'applications')!;
  const lines: string[] = [];
  if (layout === 'pdf') {
    const note = APPLICATIONS_NOTE;
    lines.push(note.slice(0, 18), note.slice(18), '申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研', '机构', '社会公益组织', '法律服务机构', '其他');
  } else {
    lines.push(`${APPLICATIONS_NOTE}${layout === 'tabbed' ? '\t' : ' '}申请人情况`, '自然人 法人或其他组织 总计', '商业企业 科研机构 社会公益组织 法律服务机构 其他');
  }
  const opened = new Set<string>();
  let page = 3;
  const style = PDF_STYLES[Math.floor(rand() * PDF_STYLES.length)];
  for (const row of rowsOf(report, table)) {
    const prefix: string[] = [];
    for (const group of row.groups) {
      if (opened.has(group)) continue;
      opened.add(group);
      if (layout === 'pdf') {
        // Vertical group label: "三、" then one character per line ("本", "年", …).
        const numbering = /^([一二三四]、|（[一二三四五六七]）)/.exec(group)?.[0] ?? '';
        prefix.push(numbering, ...[...group.slice(numbering.length)]);
      } else if (layout !== 'tabbed') prefix.push(group);
    }
    const label = row.label;
    if (layout === 'pdf') {
      // Spread the group characters between this row's lines and the next rows'.
      const body = rowLines(label, row.cells, layout, rand, style);
      lines.push(...(prefix.length > 0 ? [prefix[0], ...body, ...prefix.slice(1)] : body));
      if (rand() < 0.08) lines.push(PAGE_FURNITURE(page++, `${report.reportYear}年${report.agency.name}政府信息公开工作年度报告`)[Math.floor(rand() * 3)]);
    } else {
      lines.push(...prefix.filter((p) => p !== ''), ...rowLines(label, row.cells, layout, rand));
    }
  }
  return lines;
}

function reviewLines(report: AnnualReport, layout: TextLayout, rand: () => number): string[] {
  const table = tablesOf(report.format).find((t) => t.table === 'reviewLitigation')!;
  const cells = rowsOf(report, table).flatMap((r) => r.cells);
  const header = ['行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉', '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计'];
  const text = values(cells, layout, rand);
  if (layout === 'pdf' && text !== '') {
    const tokens = text.split(' ');
    const half = Math.ceil(tokens.length / 2);
    return [...header, tokens.slice(0, half).join(' '), tokens.slice(half).join(' ')];
  }
  return [...header, ...(text === '' ? [] : [text])];
}

/** The whole report as text in one layout. */
export function renderLayout(report: AnnualReport, layout: TextLayout, seed: number): string {
  if (layout === 'oneLine') {
    const rand = random(seed + 1);
    return renderLayout(report, 'runTogether', seed)
      .split('\n')
      .reduce((text, line) => (text === '' ? line : `${text}${rand() < 0.5 ? '' : ' '}${line}`), '');
  }
  const rand = random(seed);
  return [
    report.agency.name,
    `${report.reportYear}年政府信息公开工作年度报告`,
    `本报告中所列数据的统计期限自${report.reportYear}年1月1日起至${report.reportYear}年12月31日止。`,
    SECTION_HEADINGS.overall,
    `${report.reportYear}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。`,
    SECTION_HEADINGS.activeDisclosure,
    ...activeLines(report, layout, rand),
    SECTION_HEADINGS.applications,
    ...applicationLines(report, layout, rand),
    SECTION_HEADINGS.reviewLitigation,
    ...reviewLines(report, layout, rand),
    SECTION_HEADINGS.problemsAndImprovements,
    '政府信息公开工作仍有不足，下一步将加以改进。',
    SECTION_HEADINGS.otherMatters,
    '无。',
  ].join('\n');
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = ''): string => `<td${attrs}>${text === '' ? '&nbsp;' : `<p>${escape(text)}</p>`}</td>`;

/** The report as a saved web page: merged header cells, `&nbsp;` blanks, tables inside a layout table. */
export function renderHtmlPage(report: AnnualReport): string {
  const parts: string[] = [];
  for (const table of tablesOf(report.format).filter((t) => t.table === 'activeDisclosure')) {
    parts.push(`<tr><td colspan="4">${escape(table.title)}</td></tr>`);
    parts.push(`<tr>${td('信息内容')}${table.columns.map((c) => td(headerOf(report, table, c), table.columns.length === 1 ? ' colspan="3"' : '')).join('')}</tr>`);
    for (const row of rowsOf(report, table)) parts.push(`<tr>${td(row.label)}${row.cells.map((c) => td(c, table.columns.length === 1 ? ' colspan="3"' : '')).join('')}</tr>`);
  }
  const active = `<table border="1">${parts.join('')}</table>`;

  const app = tablesOf(report.format).find((t) => t.table === 'applications')!;
  const rows = rowsOf(report, app);
  const spans = new Map<string, number>();
  for (const row of rows) for (const g of row.groups) spans.set(g, (spans.get(g) ?? 0) + 1);
  const opened = new Set<string>();
  const body = rows.map((row) => {
    const groups = row.groups.filter((g) => !opened.has(g));
    groups.forEach((g) => opened.add(g));
    const groupCells = groups.map((g) => `<td rowspan="${spans.get(g)}">${escape(g)}</td>`).join('');
    const labelSpan = 3 - row.groups.length;
    return `<tr>${groupCells}${td(row.label, labelSpan > 1 ? ` colspan="${labelSpan}"` : '')}${row.cells.map((c) => td(c)).join('')}</tr>`;
  });
  const applications = [
    `<table border="1"><tbody>`,
    `<tr><td colspan="3" rowspan="3">${escape(APPLICATIONS_NOTE)}</td><td colspan="7">申请人情况</td></tr>`,
    `<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>`,
    `<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`,
    ...body,
    `</tbody></table>`,
  ].join('\n');

  const reviewTable = tablesOf(report.format).find((t) => t.table === 'reviewLitigation')!;
  const reviewCells = rowsOf(report, reviewTable).flatMap((r) => r.cells);
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const review = [
    `<table border="1">`,
    `<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>`,
    `<tr>${outcomes.map((o) => `<td rowspan="2">${o}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>`,
    `<tr>${[...outcomes, ...outcomes].map((o) => td(o)).join('')}</tr>`,
    `<tr>${reviewCells.map((c) => td(c)).join('')}</tr>`,
    `</table>`,
  ].join('\n');

  const p = (text: string): string => `<p>${escape(text)}</p>`;
  const article = [
    p(`${report.reportYear}年${report.agency.name}政府信息公开工作年度报告`),
    p(`本报告中所列数据的统计期限自${report.reportYear}年1月1日起至${report.reportYear}年12月31日止。`),
    p(SECTION_HEADINGS.overall),
    p(`${report.reportYear}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。`),
    p(SECTION_HEADINGS.activeDisclosure),
    active,
    p(SECTION_HEADINGS.applications),
    applications,
    p(SECTION_HEADINGS.reviewLitigation),
    review,
    p(SECTION_HEADINGS.problemsAndImprovements),
    p('政府信息公开工作仍有不足，下一步将加以改进。'),
    p(SECTION_HEADINGS.otherMatters),
    p('无。'),
  ].join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><script>var x = "<td>1</td>";</script></head><body><div class="nav">首页 &gt; 政府信息公开年报</div><table class="layout" width="100%"><tr><td class="left">栏目导航</td><td class="main">${article}</td></tr></table><div class="footer">主办单位：${escape(report.agency.name)}</div></body></html>`;
}

/** Row-and-column grids of the three tables, for building a workbook (one sheet per table). */
export function tableSheets(report: AnnualReport): { name: string; rows: string[][] }[] {
  const active = tablesOf(report.format)
    .filter((t) => t.table === 'activeDisclosure')
    .flatMap((table) => [[table.title], ['信息内容', ...table.columns.map((c) => headerOf(report, table, c))], ...rowsOf(report, table).map((r) => [r.label, ...r.cells])]);
  const app = tablesOf(report.format).find((t) => t.table === 'applications')!;
  const applications = [
    [APPLICATIONS_NOTE, '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ...rowsOf(report, app).map((r) => [...[...r.groups, r.label, '', ''].slice(0, 3), ...r.cells]),
  ];
  const reviewTable = tablesOf(report.format).find((t) => t.table === 'reviewLitigation')!;
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const review = [
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...outcomes, ...outcomes],
    rowsOf(report, reviewTable).flatMap((r) => r.cells),
  ];
  return [
    { name: SECTION_HEADINGS.activeDisclosure, rows: active },
    { name: SECTION_HEADINGS.applications, rows: applications },
    { name: SECTION_HEADINGS.reviewLitigation, rows: review },
  ];
}

/** How an imported report compares with the truth, cell by cell. */
export interface RoundTrip {
  exact: number;
  /** Ambiguous with the true value among the candidates. */
  ambiguous: number;
  /** A value other than the truth, or an ambiguity without it. */
  wrong: string[];
  /** Left blank although the source had a value, and not reported. */
  missed: string[];
  /** Left blank, the row's values reported as not placeable (extraction.unplacedRowValues). */
  reported: string[];
}

export function compareCells(truth: AnnualReport, imported: AnnualReport): RoundTrip {
  const result: RoundTrip = { exact: 0, ambiguous: 0, wrong: [], missed: [], reported: [] };
  const strayRows = Object.keys(imported.extraction?.unplacedRowValues ?? {});
  if (truth.format !== imported.format) {
    result.wrong.push(`format ${imported.format} ≠ ${truth.format}`);
    return result;
  }
  for (const def of cellsOf(truth.format)) {
    const expected = readCell(truth, def.pointer) ?? null;
    const actual = readCell(imported, def.pointer) ?? null;
    const candidates = imported.extraction?.ambiguousCells?.[def.pointer];
    if (candidates !== undefined) {
      if (candidates.includes(expected)) result.ambiguous += 1;
      else result.wrong.push(`${def.pointer}: ${expected} ∉ {${candidates.join(', ')}}`);
    } else if (actual === expected) result.exact += 1;
    else if (actual === null && strayRows.some((row) => def.pointer.startsWith(`${row}/`))) result.reported.push(def.pointer);
    else if (actual === null) result.missed.push(def.pointer);
    else result.wrong.push(`${def.pointer}: ${actual} ≠ ${expected}`);
  }
  return result;
}

export interface GeneratedCells {
  format: FormatId;
  /** Counts per cell before blanking; every identity of the tables holds. */
  seed: number;
  /** Probability that a zero cell is published blank. */
  blankZeros: number;
}

/**
 * A synthetic report whose tables balance: applications rows with c7 = c1+…+c6, （七）总计 the
 * sum of the result rows, 一+二 = 三+四; review totals the sum of their outcomes; some zeros
 * published blank.
 */
export function syntheticReport({ format, seed, blankZeros }: GeneratedCells): AnnualReport {
  const rand = random(seed);
  const created = createEmptyReport({ reportYear: format === '2019' ? 2020 : 2023, agency: { name: '某市某某局' } });
  if (!created.ok) throw new Error(created.error.message);
  const report = created.value;
  const small = (): number => (rand() < 0.55 ? 0 : Math.floor(rand() * (rand() < 0.2 ? 400 : 12)));
  const put = (pointer: string, value: number): void => writeCell(report, pointer, value === 0 && rand() < blankZeros ? null : value);

  for (const table of tablesOf(format).filter((t) => t.table === 'activeDisclosure')) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const value = column.kind === 'signed' ? small() - (rand() < 0.3 ? 20 : 0) : column.kind === 'moneyTenThousandYuan' ? Math.round(rand() * 5000) / 100 : small();
        put(`${row.pointer}/${column.key}`, value);
      }
    }
  }
  const app = tablesOf(format).find((t) => t.table === 'applications')!;
  const byId = new Map(app.rows.map((r) => [r.id, r]));
  const keys = app.columns.map((c) => c.key);
  const rowValues = (): number[] => {
    const parts = keys.slice(0, 6).map((_, i) => (i === 0 ? small() : rand() < 0.8 ? 0 : small()));
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  };
  const results = app.rows.filter((r) => r.groups.length > 0 && r.id !== 'total');
  const totals = Array<number>(7).fill(0);
  for (const row of results) {
    const v = rand() < 0.5 ? Array<number>(7).fill(0) : rowValues();
    v.forEach((x, i) => (totals[i] += x));
    keys.forEach((k, i) => put(`${row.pointer}/${k}`, v[i]));
  }
  keys.forEach((k, i) => put(`${byId.get('total')!.pointer}/${k}`, totals[i]));
  // 一 + 二 = 三 + 四: split the results between new and carried over, add a carried-forward row.
  const fwd = rand() < 0.6 ? Array<number>(7).fill(0) : rowValues();
  const carry = totals.map((t, i) => (i < 6 ? Math.min(t + fwd[i], rand() < 0.7 ? 0 : Math.floor(rand() * 3)) : 0));
  carry[6] = carry.slice(0, 6).reduce((a, b) => a + b, 0);
  const incoming = totals.map((t, i) => t + fwd[i] - carry[i]);
  keys.forEach((k, i) => {
    put(`${byId.get('new')!.pointer}/${k}`, incoming[i]);
    put(`${byId.get('carry')!.pointer}/${k}`, carry[i]);
    put(`${byId.get('fwd')!.pointer}/${k}`, fwd[i]);
  });
  for (const group of ['administrativeReview', 'litigationWithoutReview', 'litigationAfterReview']) {
    const outcomes = [0, 1, 2, 3].map(() => (rand() < 0.7 ? 0 : Math.floor(rand() * 6)));
    ['upheld', 'corrected', 'otherResult', 'pending'].forEach((k, i) => put(`/reviewLitigation/${group}/${k}`, outcomes[i]));
    put(`/reviewLitigation/${group}/total`, outcomes.reduce((a, b) => a + b, 0));
  }
  return report;
}
