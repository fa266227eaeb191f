import { APPLICANT_COLUMNS, OTHER_ROWS_2021, applicationsTable } from '../model/grid.js';
import type { RowDef } from '../model/grid.js';
import { RESULTS_GROUP } from '../model/labels.js';
import { isBlankText } from '../text/cell-text.js';
import { editDistance, normaliseLabel } from '../text/normalise.js';
import { asCount, columnsOf, readingsOf, sumCheck, trailingValues } from './placements.js';
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

interface SeenGroup {
  group: ValueGroup;
  /** Position (in `begun`) of the last row label seen before the group; -1 before any. */
  after: number;
  /** The group sits on its row's label line, or between two lines of one wrapped label. */
  fixed: boolean;
}

/** Readings by group content, for one table: rows with the same values and spacing read alike. */
class Readings {
  private readonly byGroup = new WeakMap<ValueGroup, Placement[] | null>();
  private readonly byContent = new Map<string, Placement[] | null>();

  of(group: ValueGroup): Placement[] | null {
    let reading = this.byGroup.get(group);
    if (reading !== undefined) return reading;
    const key = `${group.positional ? 'p' : 's'}|${group.tokens.join('\u0001')}|${group.gaps?.join(',') ?? ''}`;
    reading = this.byContent.has(key) ? this.byContent.get(key)! : computeReadings(group);
    this.byContent.set(key, reading);
    this.byGroup.set(group, reading);
    return reading;
  }
}

let readings = new Readings();
const readingOf = (group: ValueGroup): Placement[] | null => readings.of(group);

function computeReadings(group: ValueGroup): Placement[] | null {
  // A lone 0 tells no column: every placement gives the same cells once blank counts as 0. The row is
  // reported with its value (unplacedRowValues) rather than spread over seven candidates.
  if (group.tokens.length === 1 && !group.positional && group.tokens[0] === '0') return null;
  return readingsOf(group, WIDTH, SEVEN)?.candidates ?? null;
}

class Walker {
  readonly read: ApplicationsRead = { values: new Map(), ambiguous: new Map(), stray: new Map(), labels: {}, otherShape: null, unplaced: [] };
  private current = -1;
  private label = '';
  private written = '';
  private labelLine = 0;
  /** Row indexes in the order their labels began. */
  private readonly begun: number[] = [];
  private readonly seen: SeenGroup[] = [];
  /** The last thing read was a value group (no label text since). */
  private valuesLast = false;
  private group: { key: string; text: string; label: string } | null = null;
  private readonly groups = new Map<string, { key: string; text: string; label: string }>();

  text(raw: string, line: SourceLine): void {
    this.valuesLast = false;
    const vertical = /^([\u4e00-\u9fff])\s+(?=\d|[（(])/.exec(raw);
    if (vertical !== null) {
      this.groupFragment(vertical[1]);
      raw = raw.slice(vertical[0].length);
    }
    // A group label, whole or its first wrapped line, before the first row of its group ("（四）无 1.本机关…").
    const lead = /^(\S+)\s+(?=\d+\s*[.．])/.exec(raw);
    if (lead !== null && GROUPS.some((g) => normaliseLabel(g.label).startsWith(normaliseLabel(lead[1])))) {
      this.groupFragment(lead[1]);
      raw = raw.slice(lead[0].length);
    }
    const t = normaliseLabel(raw);
    if (t === '') return;
    if (this.current >= 0 && this.label !== CANONICAL[this.current] && extends_(this.label + t, CANONICAL[this.current]) && !this.beginsLater(t)) {
      this.label += t;
      this.written += raw;
      this.read.labels[ROWS[this.current].pointer] = this.written;
      // Values between two lines of one wrapped label belong to it.
      for (const g of this.seen) if (g.after === this.begun.length - 1) g.fixed = true;
      return;
    }
    for (let next = this.current + 1; next < ROWS.length; next += 1) {
      if (!begins(t, next)) continue;
      this.current = next;
      this.labelLine = line.no;
      this.begun.push(next);
      this.label = t;
      this.written = raw;
      this.read.labels[ROWS[next].pointer] = raw;
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

  values(group: ValueGroup): void {
    if (group.tokens.length === 0 || group.tokens.every((c) => isBlankText(c))) return;
    const previous = this.seen[this.seen.length - 1];
    if (this.valuesLast && previous !== undefined && !previous.group.positional && !group.positional && previous.group.tokens.length + group.tokens.length <= WIDTH) {
      // Consecutive value lines with no label between them are one row's cells (one cell per line).
      previous.group = { ...previous.group, tokens: [...previous.group.tokens, ...group.tokens], gaps: null, text: `${previous.group.text} ${group.text}` };
      return;
    }
    this.seen.push({ group, after: this.begun.length - 1, fixed: this.current >= 0 && group.line === this.labelLine });
    this.valuesLast = true;
  }

  private place(rowIndex: number, group: ValueGroup): void {
    const row = ROWS[rowIndex];
    const reading = readingOf(group);
    if (reading !== null && reading.length === 1) {
      this.read.values.set(row.id, reading[0]);
      return;
    }
    if (reading !== null && reading.length > 1) {
      this.read.ambiguous.set(row.id, { line: group.line, text: group.text, candidates: reading });
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
    const split = OTHER_ROWS_2021.some((r) => this.read.labels[r.pointer] !== undefined);
    const otherIndex = ROWS.findIndex((r) => r.id === 'other');
    const options = this.seen.map((g) => {
      const here = g.after >= 0 ? [this.begun[g.after]] : [];
      const next = g.fixed || g.after + 1 >= this.begun.length ? [] : [this.begun[g.after + 1]];
      // In the 2021 shape （六）其他处理 only heads its sub-rows; values on a line of their own are not its.
      return [...here, ...next].filter((row) => !(split && row === otherIndex && !g.fixed));
    });
    const chosen = alignGroups(this.seen, options);
    chosen.forEach((rows, i) => {
      const g = this.seen[i].group;
      if (rows.length === 0) this.read.unplaced.push({ line: g.line, text: g.tokens.join(' '), reason: '数值无法对应到申请情况表的行' });
    });
    // Rows every surviving alignment gives the same group are placed; the others get every reading.
    const byRow = new Map<number, Set<number | null>>();
    for (const assignment of chosen.alignments) for (const [row, group] of assignment) byRow.set(row, (byRow.get(row) ?? new Set()).add(group));
    for (const assignment of chosen.alignments) for (const row of byRow.keys()) if (!assignment.has(row)) byRow.get(row)!.add(null);
    for (const [rowIndex, groups] of byRow) {
      const list = [...groups];
      if (list.length === 1 && list[0] !== null) {
        this.place(rowIndex, this.seen[list[0]].group);
        continue;
      }
      const first = this.seen[list.find((i) => i !== null)!].group;
      if (list.some((i) => i !== null && readingOf(this.seen[i].group) === null)) {
        this.place(rowIndex, first);
        continue;
      }
      const readings = list.flatMap((i) => (i === null ? [Array<string>(WIDTH).fill('')] : (readingOf(this.seen[i].group) ?? [])));
      this.read.ambiguous.set(ROWS[rowIndex].id, { line: first.line, text: first.text, candidates: readings });
    }
    const single = this.read.values.has('other') || this.read.stray.has('other') || this.read.ambiguous.has('other');
    const labelled = this.read.labels['/applications/results/otherHandling'] !== undefined;
    const otherShape: ApplicationsRead['otherShape'] = split ? (single ? null : 'split') : single || labelled ? 'single' : null;
    const read: ApplicationsRead = { ...this.read, otherShape };
    resolveByColumns(read);
    return read;
  }
}

/** Known cells of a group for the column identities: a column its readings disagree on is unknown (undefined). */
function knownCells(group: ValueGroup): (number | undefined)[] {
  const reading = readingOf(group);
  if (reading === null) return Array<undefined>(WIDTH).fill(undefined);
  return columnsOf(reading, WIDTH).map((values) => (values.length === 1 ? (asCount(values[0]) ?? 0) : undefined));
}

const MAX_ALIGNMENTS = 5000;

/**
 * Which row each value group belongs to. A group on its label's line (or inside a wrapped label) is
 * fixed; one on a line of its own belongs to the row above or the row below. The template's row
 * order is the backbone: groups keep their order, one group per row. Among the alignments, those
 * under which the table's column identities hold are kept, then those that follow one layout (all
 * values below, or all above, their labels); what still differs is returned as candidates.
 */
function alignGroups(seen: readonly SeenGroup[], options: readonly number[][]): { alignments: Map<number, number>[]; forEach: (f: (rows: number[], i: number) => void) => void } {
  const all: Map<number, number>[] = [];
  const assignment = new Map<number, number>();
  const walk = (i: number, last: number): void => {
    if (all.length >= MAX_ALIGNMENTS) return;
    if (i === seen.length) {
      all.push(new Map(assignment));
      return;
    }
    const choices = options[i].filter((row) => row > last && !assignment.has(row));
    if (choices.length === 0) {
      walk(i + 1, last);
      return;
    }
    for (const row of choices) {
      assignment.set(row, i);
      walk(i + 1, row);
      assignment.delete(row);
    }
  };
  walk(0, -1);
  // An alignment that leaves a group without its row (another took it) is worse than one that does not.
  const most = Math.max(...all.map((a) => a.size));
  const complete = all.filter((a) => a.size === most);
  const known = seen.map((g) => knownCells(g.group));
  const ids = ROWS.map((r) => r.id);
  const balanced = complete.filter((a) => {
    const value = (id: string, c: number): number | undefined => {
      const row = ids.indexOf(id);
      const group = a.get(row);
      return group === undefined ? 0 : known[group][c];
    };
    const hasSplit = [...a.keys()].some((row) => ['o1', 'o2', 'o3'].includes(ids[row]));
    const other = hasSplit ? ['o1', 'o2', 'o3'] : ['other'];
    const equations = [
      { left: ['new', 'carry'], right: ['total', 'fwd'] },
      { left: [...RESULT_ROWS, ...other], right: ['total'] },
    ];
    return equations.every(({ left, right }) =>
      Array.from({ length: WIDTH }, (_, c) => {
        const l = left.map((id) => value(id, c));
        const r = right.map((id) => value(id, c));
        if ([...l, ...r].some((v) => v === undefined)) return true;
        return l.reduce<number>((s, v) => s + v!, 0) === r.reduce<number>((s, v) => s + v!, 0);
      }).every(Boolean),
    );
  });
  const pool = balanced.length > 0 ? balanced : complete;
  // Layout consistency. The table's own evidence says where values sit: a group before the first
  // label can only be above its row; one after the last label, or on its label's line, below or with
  // it. Alignments that put the flexible groups that way are kept; without evidence either way, those
  // most consistent in one direction, and what they disagree on stays ambiguous.
  let aboveEvidence = 0;
  let belowEvidence = 0;
  seen.forEach((g, i) => {
    if (g.after < 0 && options[i].length === 1) aboveEvidence += 1;
    else if (g.fixed || options[i].length === 1) belowEvidence += 1;
  });
  const direction = aboveEvidence > belowEvidence ? 'above' : belowEvidence > aboveEvidence ? 'below' : null;
  const style = (a: Map<number, number>): number => {
    let below = 0;
    let above = 0;
    for (const [row, i] of a) {
      if (seen[i].fixed || options[i].length < 2) continue;
      if (row === options[i][0]) below += 1;
      else above += 1;
    }
    return direction === 'below' ? below : direction === 'above' ? above : Math.max(below, above);
  };
  const best = Math.max(...pool.map(style));
  const alignments = pool.filter((a) => style(a) === best);
  return {
    alignments,
    forEach: (f) =>
      seen.forEach((_, i) => {
        const rows = [...new Set(alignments.flatMap((a) => [...a].filter(([, g]) => g === i).map(([row]) => row)))];
        f(rows, i);
      }),
  };
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
  // A report whose settled columns already break an identity does not balance: its identities cannot
  // be trusted to pick among readings, so every reading stays a candidate.
  const settledBreak = identities(read).some(({ left, right }) => {
    const rows = [...left, ...right];
    if (rows.some((r) => cellsOf(r) === undefined || read.stray.has(r))) return false;
    const sum = (ids: string[], c: number): number => ids.reduce((s, r) => s + (asCount(cellsOf(r)?.[c] ?? '') ?? 0), 0);
    return Array.from({ length: WIDTH }, (_, c) => sum(left, c) !== sum(right, c)).some(Boolean);
  });
  if (settledBreak) return;
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
      keepCandidates(read, id, kept);
    }
  }
  resolveJointly(read, cellsOf);
}

function keepCandidates(read: ApplicationsRead, id: string, kept: Placement[]): void {
  if (kept.length === 1) {
    read.ambiguous.delete(id);
    read.values.set(id, kept[0]);
  } else read.ambiguous.get(id)!.candidates = kept;
}

/** Combinations of readings tried at most when several rows of the identities are ambiguous together. */
const MAX_COMBINATIONS = 4096;

/**
 * Ambiguous rows that share an identity (two result rows of one column, say) are narrowed together:
 * every combination of their readings is tried (bounded) and a reading stays only if some
 * combination with it satisfies every identity. When no combination does, the table does not
 * balance and nothing is dropped.
 */
function resolveJointly(read: ApplicationsRead, cellsOf: (id: string) => Placement | null | undefined): void {
  const all = identities(read);
  const ids = [...new Set(all.flatMap(({ left, right }) => [...left, ...right]))].filter((id) => read.ambiguous.has(id));
  if (ids.length < 2 || ids.some((id) => read.stray.has(id))) return;
  const options = ids.map((id) => read.ambiguous.get(id)!.candidates);
  if (options.reduce((n, o) => n * o.length, 1) > MAX_COMBINATIONS) return;
  // Per identity and column, what the settled rows contribute; a combination then adds only its own rows.
  const columns = Array.from({ length: WIDTH }, (_, c) => c);
  const settledSum = (rows: readonly string[], c: number): number =>
    rows.filter((r) => !ids.includes(r)).reduce((s, r) => s + (asCount(cellsOf(r)?.[c] ?? '') ?? 0), 0);
  const checks = all.map(({ left, right }) => ({
    left: left.map((r) => ids.indexOf(r)).filter((k) => k >= 0),
    right: right.map((r) => ids.indexOf(r)).filter((k) => k >= 0),
    offset: columns.map((c) => settledSum(left, c) - settledSum(right, c)),
  }));
  const picked: Placement[] = [];
  const count = (k: number, c: number): number => asCount(picked[k][c]) ?? 0;
  const balanced = (): boolean =>
    checks.every(({ left, right, offset }) =>
      columns.every((c) => offset[c] + left.reduce((s, k) => s + count(k, c), 0) === right.reduce((s, k) => s + count(k, c), 0)),
    );
  const used = options.map(() => new Set<number>());
  const choice: number[] = [];
  const visit = (k: number): void => {
    if (k === ids.length) {
      if (balanced()) choice.forEach((i, j) => used[j].add(i));
      return;
    }
    options[k].forEach((candidate, i) => {
      picked[k] = candidate;
      choice[k] = i;
      visit(k + 1);
    });
  };
  visit(0);
  if (used.every((u) => u.size === 0)) return;
  ids.forEach((id, k) => {
    if (used[k].size < options[k].length) keepCandidates(read, id, options[k].filter((_, i) => used[k].has(i)));
  });
}

/** The value group at the end of a table line: tab cells in place, or space-separated tokens with their spacing. */
function valueGroupOf(line: SourceLine): { labels: string[]; group: ValueGroup } {
  if (line.tabbed) {
    const cells = line.cells;
    let lastLabel = -1;
    cells.forEach((cell, index) => {
      if (cell !== '' && !isValueText(cell)) lastLabel = index;
    });
    const labels = cells.slice(0, lastLabel + 1).filter((c) => c !== '' && !isValueText(c));
    // A label cell glued to digits ("（七）总计120030015").
    const gluedDigits = lastLabel >= 0 ? (/^.*[\u4e00-\u9fff）)”」](\d+)$/.exec(cells[lastLabel])?.[1] ?? null) : null;
    if (gluedDigits !== null) labels[labels.length - 1] = cells[lastLabel].slice(0, -gluedDigits.length);
    const rest = cells.slice(lastLabel + 1);
    // Tab cells keep their columns from the label on; only trailing empties beyond the grid are noise.
    while (rest.length > WIDTH && rest[rest.length - 1] === '') rest.pop();
    // Empty cells between the label and the grid's seven columns are the label's own (unmerged) columns.
    while (rest.length > WIDTH && rest[0] === '') rest.shift();
    const positional = gluedDigits === null && rest.length === WIDTH;
    let first = 0;
    let last = rest.length;
    while (first < last && rest[first] === '') first += 1;
    while (last > first && rest[last - 1] === '') last -= 1;
    const values = rest.slice(first, last);
    const filled = values.flatMap((v, i) => (v === '' ? [] : [i]));
    const tokens = [...(gluedDigits === null ? [] : [gluedDigits]), ...filled.map((i) => values[i])];
    return {
      labels,
      group: {
        tokens: positional ? rest : tokens,
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
  readings = new Readings();
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
