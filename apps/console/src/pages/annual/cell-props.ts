import type { AnnualReport, Finding } from '@sanshen/annual-report';
import { readCell } from '@sanshen/annual-report';
import type { CellEntries } from './CellInput';
import { isCarryOver } from './report-state';

/** What every table needs to draw its cells. */
export interface GridContext {
  report: AnnualReport;
  byCell: Map<string, Finding[]>;
  onCells: (entries: CellEntries) => void;
}

export function cellProps(context: GridContext, pointer: string) {
  return {
    pointer,
    value: readCell(context.report, pointer) ?? null,
    findings: context.byCell.get(pointer),
    carry: isCarryOver(context.report.format, pointer),
    onCells: context.onCells,
  };
}
