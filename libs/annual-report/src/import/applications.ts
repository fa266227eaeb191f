import { APPLICANT_COLUMNS, OTHER_ROWS_2021, applicationsTable } from '../model/grid.js';
import type { RowDef } from '../model/grid.js';
import { RESULTS_GROUP } from '../model/labels.js';
import { isBlankText } from '../text/cell-text.js';
import { editDistance, normaliseLabel } from '../text/normalise.js';
import { asCount, readingsOf, sumCheck, trailingValues } from './placements.js';
import type { Placement, ValueGroup } from './placements.js';
import { isPageFurniture } from './source-lines.js';
import type { SourceLine, UnplacedItem } from './source-lines.js';
import { isValueText } from './value-tokens.js';

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
  /** Row id → the readings of a row its identities could not narrow to one, and the source line. */
  ambiguous: Map<string, { line: number; text: string; candidates: Placement[] }>;
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
  // A wrapped first line with one character dropped, mistyped or doubled.
  return [t.length - 1, t.length, t.length + 1].some((n) => editDistance(t, label.slice(0, n), 1) <= 1);
}

const SEVEN = sumCheck([{ items: [0, 1, 2, 3, 4, 5], total: 6 }]);
const WIDTH = APPLICANT_COLUMNS.length;

/** Does the joined label still read as the start of `label`, allowing one dropped or mistyped character? */
function extends_(joined: string, label: string): boolean {
  if (label.startsWith(joined)) return true;
  if (joined.length < 6) return false;
  const head = label.slice(0, Math.min(label.length, joined.length + 1));
  return editDistance(joined, head, 1) <= 1 || editDistance(joined, label.slice(0, joined.length), 1) <= 1;
}

class Walker {
  readonly read: ApplicationsRead = { values: new Map(), ambiguous: new Map(), stray: new Map(), labels: {}, otherShape: null, unplaced: [] };
  private current = -1;
  private label = '';
  private written = '';
  /** Values seen before the label of their row (PDF text puts them on the line above). */
  private pending: ValueGroup | null = null;
  private labelLine = 0;
  /** The group placed on the single （六） row and whether it shared the label's line. */
  private otherGroup: { group: ValueGroup; sameLine: boolean } | null = null;
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
    if (this.current >= 0 && this.label !== CANONICAL[this.current] && extends_(this.label + t, CANONICAL[this.current]) && !this.beginsLater(t)) {
      this.label += t;
      this.written += raw;
      this.read.labels[ROWS[this.current].pointer] = this.written;
      return;
    }
    for (let next = this.current + 1; next < ROWS.length; next += 1) {
      if (!begins(t, next)) continue;
      // （六） is the 2019 single row and the 2021 group label: values on their own line after it,
      // followed by the 2021 sub-rows, belonged above 1.申请人无正当理由逾期不补正….
      if (ROWS[next].id === 'o1' && this.otherGroup !== null && !this.otherGroup.sameLine && this.pending === null) {
        this.pending = this.otherGroup.group;
        this.read.values.delete('other');
        this.read.ambiguous.delete('other');
        this.otherGroup = null;
      }
      this.current = next;
      this.labelLine = line.no;
      this.label = t;
      this.written = raw;
      this.read.labels[ROWS[next].pointer] = raw;
      if (this.pending !== null) {
        const pending = this.pending;
        this.pending = null;
        this.place(pending);
      }
      return;
    }
    if (!this.groupFragment(raw)) this.read.unplaced.push({ line: line.no, text: raw, reason: '申请情况表中无法识别的文字' });
  }

  private beginsLater(t: string): boolean {
    for (let next = this.current + 1; next < ROWS.length; next += 1) if (begins(t, next)) return true;
    return false;
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

  private taken(id: string): boolean {
    return this.read.values.has(id) || this.read.stray.has(id) || this.read.ambiguous.has(id);
  }

  values(group: ValueGroup): void {
    if (group.tokens.length === 0 || group.tokens.every((c) => isBlankText(c))) return;
    const row = this.current >= 0 ? ROWS[this.current] : null;
    if (row === null || this.taken(row.id)) {
      // On the line above the next row's label, or stray.
      if (this.pending !== null) this.read.unplaced.push({ line: this.pending.line, text: this.pending.tokens.join(' '), reason: '数值无法对应到申请情况表的行' });
      this.pending = group;
      return;
    }
    this.place(group);
  }

  private place(group: ValueGroup): void {
    const row = ROWS[this.current];
    if (row.id === 'other') this.otherGroup = { group, sameLine: group.line === this.labelLine };
    const reading = group.tokens.length < 2 && !group.positional && group.tokens.join('').length < WIDTH ? null : readingsOf(group, WIDTH, SEVEN);
    if (reading !== null && reading.candidates.length === 1) {
      this.read.values.set(row.id, reading.candidates[0]);
      return;
    }
    if (reading !== null && reading.candidates.length > 1) {
      this.read.ambiguous.set(row.id, { line: group.line, text: group.text, candidates: reading.candidates });
      return;
    }
    this.read.stray.set(row.id, group.tokens);
    this.read.unplaced.push({
      line: group.line,
      text: group.tokens.join(' '),
      reason: `“${row.label}”行有${group.tokens.length}个数值，应为7个，无法确定所在列`,
    });
  }

  finish(): ApplicationsRead {
    if (this.pending !== null) this.read.unplaced.push({ line: this.pending.line, text: this.pending.tokens.join(' '), reason: '数值无法对应到申请情况表的行' });
    const split = OTHER_ROWS_2021.some((r) => this.read.labels[r.pointer] !== undefined);
    const single = this.taken('other');
    const labelled = this.read.labels['/applications/results/otherHandling'] !== undefined;
    const otherShape: ApplicationsRead['otherShape'] = split ? (single ? null : 'split') : single || labelled ? 'single' : null;
    const read: ApplicationsRead = { ...this.read, otherShape };
    resolveByColumns(read);
    return read;
  }
}

const RESULT_ROWS = ['granted', 'partial', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'u1', 'u2', 'u3', 'n1', 'n2', 'n3', 'n4', 'n5'];

/** The column identities of the table: 一+二 = 三（七）+四, and （七）总计 = the sum of the result rows. */
function identities(read: ApplicationsRead): { left: string[]; right: string[] }[] {
  const other = read.otherShape === 'split' ? ['o1', 'o2', 'o3'] : ['other'];
  return [
    { left: ['new', 'carry'], right: ['total', 'fwd'] },
    { left: [...RESULT_ROWS, ...other], right: ['total'] },
  ];
}

/**
 * Narrows ambiguous rows with the column identities, one row at a time while the other rows of an
 * identity are settled. A reading that breaks an identity is dropped unless every reading does
 * (then the report itself does not balance and all stay candidates).
 */
function resolveByColumns(read: ApplicationsRead): void {
  const cellsOf = (id: string): Placement | null | undefined => (read.values.has(id) ? read.values.get(id)! : read.ambiguous.has(id) ? undefined : null);
  let changed = true;
  while (changed && read.ambiguous.size > 0) {
    changed = false;
    for (const [id, entry] of read.ambiguous) {
      const holds = (candidate: Placement): boolean =>
        identities(read).every(({ left, right }) => {
          if (!left.includes(id) && !right.includes(id)) return true;
          const rows = [...left, ...right].map((r) => (r === id ? candidate : cellsOf(r)));
          if (rows.some((r) => r === undefined)) return true;
          return Array.from({ length: WIDTH }, (_, c) => {
            const value = (ids: string[]): number =>
              ids.reduce((s, r) => s + (asCount((r === id ? candidate : (cellsOf(r) ?? null))?.[c] ?? '') ?? 0), 0);
            return value(left) === value(right);
          }).every(Boolean);
        });
      const kept = entry.candidates.filter(holds);
      if (kept.length === 0 || kept.length === entry.candidates.length) continue;
      changed = true;
      if (kept.length === 1) {
        read.ambiguous.delete(id);
        read.values.set(id, kept[0]);
      } else entry.candidates = kept;
    }
  }
}

/** The value group at the end of a table line: tab cells in place, or space-separated tokens with their spacing. */
function valueGroupOf(line: SourceLine): { labels: string[]; group: ValueGroup } {
  if (line.tabbed) {
    const cells = line.cells;
    let lastLabel = -1;
    cells.forEach((cell, index) => {
      if (cell !== '' && !isValueText(cell) && !/^.*[\u4e00-\u9fff）)”」]\d+$/.test(cell)) lastLabel = index;
    });
    const labels = cells.slice(0, lastLabel + 1).filter((c) => c !== '' && !isValueText(c));
    // A label cell glued to digits ("（七）总计120030015").
    const glued = cells.slice(0, lastLabel + 1).filter((c) => /^.*[\u4e00-\u9fff）)”」]\d+$/.test(c));
    const gluedDigits = glued.length > 0 ? /\d+$/.exec(glued[glued.length - 1])![0] : null;
    if (gluedDigits !== null) labels.push(glued[glued.length - 1].slice(0, -gluedDigits.length));
    const rest = cells.slice(lastLabel + 1);
    let first = 0;
    let last = rest.length;
    while (first < last && rest[first] === '') first += 1;
    while (last > first && rest[last - 1] === '') last -= 1;
    const values = rest.slice(first, last);
    const filled = values.flatMap((v, i) => (v === '' ? [] : [i]));
    const tokens = [...(gluedDigits === null ? [] : [gluedDigits]), ...filled.map((i) => values[i])];
    const positional = values.length === WIDTH && values.some((v) => v === '' || isValueText(v));
    return {
      labels,
      group: {
        tokens: positional ? values : tokens,
        gaps: gluedDigits === null && filled.length > 1 ? filled.slice(1).map((i, k) => i - filled[k]) : null,
        positional,
        line: line.no,
        text: line.text,
      },
    };
  }
  const { label, group } = trailingValues(line.text, (t) => isValueText(t));
  return { labels: label === '' ? [] : [label], group: { ...group, positional: false, line: line.no } };
}

/** Reads the applications grid from `lines[from, to)`, the header (note and applicant columns) first. */
export function readApplications(lines: readonly SourceLine[], from: number, to: number): ApplicationsRead {
  let start = from;
  while (start < to && !/^一、|本年新收/.test(lines[start].text.replace(/\s+/g, ''))) start += 1;
  // PDF text may print the first row's values on the line above its label.
  while (start - 1 > from && lines[start - 1].text !== '' && lines[start - 1].text.split(/\s+/).every(isValueText)) start -= 1;
  const header = lines
    .slice(from, start)
    .filter((l) => !isPageFurniture(l.text))
    .map((l) => l.text.replace(/\s+/g, ''))
    .join('');
  const walker = new Walker();
  const note = /[(（]本列数据.*?[)）]/.exec(header);
  if (note !== null) walker.read.labels['/applications#note'] = note[0];
  if (header !== '') walker.read.labels['/applications#header'] = note === null ? header : header.replace(note[0], '');
  for (let index = start; index < to; index += 1) {
    const line = lines[index];
    if ((line.text === '' && !line.tabbed) || isPageFurniture(line.text)) continue;
    const { labels, group } = valueGroupOf(line);
    for (const label of labels) walker.text(label, line);
    walker.values(group);
  }
  return walker.finish();
}
