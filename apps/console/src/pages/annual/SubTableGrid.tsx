import type { RowDef, SubTableDef } from '@sanshen/annual-report';
import { Fragment } from 'react';
import { CellInput } from './CellInput';
import { cellProps } from './cell-props';
import type { GridContext } from './cell-props';

/** How many rows from `index` share the row groups up to `level` (the spanning label's rowSpan). */
function runLength(rows: readonly RowDef[], index: number, level: number): number {
  const key = rows[index]!.groups.slice(0, level + 1).join('|');
  let end = index;
  while (end + 1 < rows.length && rows[end + 1]!.groups.slice(0, level + 1).join('|') === key) end += 1;
  return end - index + 1;
}

function startsRun(rows: readonly RowDef[], index: number, level: number): boolean {
  if (index === 0) return true;
  return rows[index - 1]!.groups.slice(0, level + 1).join('|') !== rows[index]!.groups.slice(0, level + 1).join('|');
}

/** Column headers as the national format prints them: grouped columns under a spanning header. */
function HeaderRows({ table, labelColumns }: { table: SubTableDef; labelColumns: number }) {
  const grouped = table.columns.some((column) => column.group !== undefined);
  const depth = grouped ? 2 : 1;
  const top = table.table === 'applications';
  const seen = new Set<string>();
  return (
    <thead>
      {table.title && (
        <tr>
          <th colSpan={labelColumns + table.columns.length}>{table.title}</th>
        </tr>
      )}
      {top && (
        <tr>
          <th rowSpan={depth + 1} colSpan={labelColumns}>
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
          </th>
          <th colSpan={table.columns.length}>申请人情况</th>
        </tr>
      )}
      <tr>
        {!top && (
          <th rowSpan={depth} colSpan={labelColumns}>
            信息内容
          </th>
        )}
        {table.columns.map((column) => {
          if (column.group === undefined)
            return (
              <th key={column.key} rowSpan={depth} scope="col">
                {column.label}
              </th>
            );
          if (seen.has(column.group)) return null;
          seen.add(column.group);
          return (
            <th key={column.group} colSpan={table.columns.filter((other) => other.group === column.group).length} scope="colgroup">
              {column.group}
            </th>
          );
        })}
      </tr>
      {grouped && (
        <tr>
          {table.columns
            .filter((column) => column.group !== undefined)
            .map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
        </tr>
      )}
    </thead>
  );
}

/** A statistical (sub-)table with its multi-level row and column headers and editable cells. */
export function SubTableGrid({ table, context }: { table: SubTableDef; context: GridContext }) {
  const labelColumns = 1 + Math.max(0, ...table.rows.map((row) => row.groups.length));
  return (
    <table className="report-table">
      <HeaderRows table={table} labelColumns={labelColumns} />
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row.pointer}>
            {row.groups.map((group, level) =>
              startsRun(table.rows, r, level) ? (
                <th key={group} scope="rowgroup" rowSpan={runLength(table.rows, r, level)}>
                  {group}
                </th>
              ) : (
                <Fragment key={group} />
              ),
            )}
            <th scope="row" colSpan={labelColumns - row.groups.length}>
              {row.label}
            </th>
            {table.columns.map((column, c) => (
              <td key={column.key}>
                <CellInput {...cellProps(context, `${row.pointer}/${column.key}`)} label={`${table.title}${row.short} ${column.label}`} grid={table.pointer} r={r} c={c} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
