import type { FormatId } from './format.js';
import type { AnnualReport, Cell, TableId } from './report.js';
import { TABLE_NAMES } from './labels.js';
import { FORMAT_TABLES, TABLE_HEADINGS } from './grid.js';
import type { CellKind } from './grid.js';

/** One statistical cell of a format: where it lives and how people call it. */
export interface CellDef {
  /** JSON pointer into a report (the schema key path). */
  pointer: string;
  table: TableId;
  /** The section heading the table sits under. */
  tableLabel: string;
  /** 表二 / 表三 / 表四. */
  tableShort: string;
  /** 第二十条第（一）项 for 主动公开 sub-tables, '' otherwise. */
  subTable: string;
  rowId: string;
  rowLabel: string;
  rowShort: string;
  columnId: string;
  columnLabel: string;
  kind: CellKind;
}

function buildCatalogue(format: FormatId): readonly CellDef[] {
  return FORMAT_TABLES[format].flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.map((column) => ({
        pointer: `${row.pointer}/${column.key}`,
        table: table.table,
        tableLabel: TABLE_HEADINGS[table.table],
        tableShort: TABLE_NAMES[table.table],
        subTable: table.title,
        rowId: row.id,
        rowLabel: row.label,
        rowShort: row.short,
        columnId: table.table === 'reviewLitigation' ? `${row.id}${column.id}` : column.id,
        columnLabel: column.label,
        kind: column.kind,
      })),
    ),
  );
}

const CATALOGUE = { '2019': buildCatalogue('2019'), '2021': buildCatalogue('2021') } as const;
const BY_POINTER = {
  '2019': new Map(CATALOGUE['2019'].map((c) => [c.pointer, c])),
  '2021': new Map(CATALOGUE['2021'].map((c) => [c.pointer, c])),
} as const;

/** Every statistical cell of a format, in print order (22/10 主动公开, 161/175 applications, 15 review). */
export function cellsOf(format: FormatId, table?: TableId): readonly CellDef[] {
  const all = CATALOGUE[format];
  return table === undefined ? all : all.filter((c) => c.table === table);
}

export function cellDef(format: FormatId, pointer: string): CellDef | undefined {
  return BY_POINTER[format].get(pointer);
}

const SEGMENTS = new Map<string, string[]>();

/** Pointer → path keys, memoised: rules read the same few hundred pointers on every check. */
function segments(pointer: string): string[] {
  let keys = SEGMENTS.get(pointer);
  if (keys === undefined) {
    keys = pointer.split('/').slice(1);
    if (SEGMENTS.size < 10_000) SEGMENTS.set(pointer, keys);
  }
  return keys;
}

/** Reads a cell by pointer; undefined when the pointer does not name a cell of the report. */
export function readCell(report: AnnualReport, pointer: string): Cell | undefined {
  let node: unknown = report;
  for (const key of segments(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

/** Writes a cell by pointer in place (used by builders that own the object). */
export function writeCell(report: AnnualReport, pointer: string, value: Cell): void {
  const keys = segments(pointer);
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}
