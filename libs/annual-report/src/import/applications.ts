import { APPLICANT_COLUMNS, OTHER_ROWS_2021, applicationsTable } from '../model/grid.js';
import type { RowDef } from '../model/grid.js';
import { RESULTS_GROUP } from '../model/labels.js';
import { editDistance, normaliseLabel } from '../text/normalise.js';
import { splitRunTogether, sumsTo } from './run-together.js';
import type { SourceLine, UnplacedItem } from './source-lines.js';
import { splitTableLine } from './value-tokens.js';

/** Rows in print order of both formats: the 2019 single （六） row doubles as the 2021 group label. */
const ROWS: readonly RowDef[] = (() => {
  const rows = [...applicationsTable('2019').rows];
  rows.splice(rows.findIndex((r) => r.id === 'other') + 1, 0, ...OTHER_ROWS_2021);
  return rows;
})();
const CANONICAL = ROWS.map((r) => normaliseLabel(r.label));

const GROUPS: { prefix: string; key: string; label: string }[] = [
  { prefix: '三、', key: '/applications/results', label: RESULTS_GROUP },
  { prefix: '(三)', key: '/applications/results/denied', label: '（三）不予公开' },
  { prefix: '(四)', key: '/applications/results/unableToProvide', label: '（四）无法提供' },
  { prefix: '(五)', key: '/applications/results/notProcessed', label: '（五）不予处理' },
];

export interface ApplicationsRead {
  /** Row id → 7 raw cells ('' blank), only for rows whose cells were placed. */
  values: Map<string, string[]>;
  /** Row id → values seen on the row whose columns cannot be told (never guessed). */
  stray: Map<string, string[]>;
  /** Label key → label as written. */
  labels: Record<string, string>;
  /** Which （六） shape the table has. */
  otherShape: 'single' | 'split' | null;
  unplaced: UnplacedItem[];
}

const numbering = (label: string): string => /^(\d+\.|\([一二三四五六七]\)|[一二三四]、)/.exec(label)?.[1] ?? '';

/** Does label text `t` (normalised) begin row `index`? Prefix match, or a typo of at most one character. */
function begins(t: string, index: number): boolean {
  const label = CANONICAL[index];
  if (t.length < 2 || numbering(t) !== numbering(label)) return false;
  if (label.startsWith(t)) return true;
  if (t.length < 4) return false;
  if (t.length >= label.length - 1) return editDistance(t, label, 1) <= 1;
  return editDistance(t, label.slice(0, t.length), 1) <= 1;
}

const SEVEN = (parts: number[]): boolean => sumsTo(parts, [0, 1, 2, 3, 4, 5], 6);

class Walker {
  readonly read: ApplicationsRead = { values: new Map(), stray: new Map(), labels: {}, otherShape: null, unplaced: [] };
  private current = -1;
  private label = '';
  private written = '';
  private group: { key: string; text: string; label: string } | null = null;
  private readonly groups = new Map<string, { key: string; text: string; label: string }>();

  text(raw: string, line: SourceLine): void {
    const vertical = /^([\u4e00-\u9fff])\s+(?=\d|[（(])/.exec(raw);
    if (vertical !== null) {
      this.groupFragment(vertical[1]);
      raw = raw.slice(vertical[0].length);
    }
    const t = normaliseLabel(raw);
    if (t === '') return;
    if (this.current >= 0 && CANONICAL[this.current].startsWith(this.label + t) && this.label !== CANONICAL[this.current]) {
      this.label += t;
      this.written += raw;
      this.read.labels[ROWS[this.current].pointer] = this.written;
      return;
    }
    for (let next = this.current + 1; next < ROWS.length; next += 1) {
      if (!begins(t, next)) continue;
      this.current = next;
      this.label = t;
      this.written = raw;
      this.read.labels[ROWS[next].pointer] = raw;
      return;
    }
    if (!this.groupFragment(raw)) this.read.unplaced.push({ line: line.no, text: raw, reason: '申请情况表中无法识别的文字' });
  }

  /** Vertical or spanning group labels (三、本年度办理结果, （三）不予公开 …), kept for LBL-01. */
  private groupFragment(raw: string): boolean {
    const t = normaliseLabel(raw);
    const opened = GROUPS.find((g) => t.startsWith(g.prefix));
    if (opened !== undefined) {
      this.group = { key: opened.key, text: raw, label: normaliseLabel(opened.label) };
      this.groups.set(opened.key, this.group);
    } else {
      if (t.length > 3 || /\d/.test(t) || this.groups.size === 0) return false;
      const waiting = [...this.groups.values()].find((g) => g.label.startsWith(normaliseLabel(g.text) + t));
      const target = waiting ?? this.group;
      if (target === null) return false;
      target.text += raw;
    }
    for (const g of this.groups.values()) this.read.labels[g.key] = g.text;
    return true;
  }

  values(cells: readonly string[], line: SourceLine): void {
    if (cells.length === 0 || cells.every((c) => c === '')) return;
    const row = this.current >= 0 ? ROWS[this.current] : null;
    if (row === null || this.read.values.has(row.id) || this.read.stray.has(row.id)) {
      this.read.unplaced.push({ line: line.no, text: cells.join(' '), reason: '数值无法对应到申请情况表的行' });
      return;
    }
    if (cells.length === APPLICANT_COLUMNS.length) {
      this.read.values.set(row.id, [...cells]);
      return;
    }
    if (cells.length === 1 && cells[0].length >= APPLICANT_COLUMNS.length) {
      const splits = splitRunTogether(cells[0], APPLICANT_COLUMNS.length, SEVEN);
      if (splits.length === 1) {
        this.read.values.set(row.id, splits[0].map(String));
        return;
      }
    }
    this.read.stray.set(row.id, [...cells]);
    this.read.unplaced.push({
      line: line.no,
      text: cells.join(' '),
      reason: `“${row.label}”行有${cells.length}个数值，应为7个，无法确定所在列`,
    });
  }

  finish(): ApplicationsRead {
    const split = OTHER_ROWS_2021.some((r) => this.read.labels[r.pointer] !== undefined);
    const single = this.read.values.has('other') || this.read.stray.has('other');
    const labelled = this.read.labels['/applications/results/otherHandling'] !== undefined;
    const otherShape = split ? (single ? null : 'split') : single || labelled ? 'single' : null;
    return { ...this.read, otherShape };
  }
}

/** Reads the applications grid from `lines[from, to)`, the header (note and applicant columns) first. */
export function readApplications(lines: readonly SourceLine[], from: number, to: number): ApplicationsRead {
  let start = from;
  while (start < to && !/^一、|本年新收/.test(lines[start].text.replace(/\s+/g, ''))) start += 1;
  const header = lines.slice(from, start).map((l) => l.text.replace(/\s+/g, '')).join('');
  const walker = new Walker();
  const note = /[(（]本列数据.*?[)）]/.exec(header);
  if (note !== null) walker.read.labels['/applications#note'] = note[0];
  if (header !== '') walker.read.labels['/applications#header'] = note === null ? header : header.replace(note[0], '');
  for (let index = start; index < to; index += 1) {
    const line = lines[index];
    if (line.text === '' && !line.tabbed) continue;
    const { labels, values } = splitTableLine(line.cells, line.tabbed);
    for (const label of labels) walker.text(label, line);
    walker.values(line.tabbed ? values : values.filter((v) => v !== ''), line);
  }
  return walker.finish();
}
