import { writeCell } from '@sanshen/annual-report';
import type { AnnualReport, Cell, FormatId } from '@sanshen/annual-report';

/** A copy of the report with one cell changed (the editor's state is immutable). */
export function withCell(report: AnnualReport, pointer: string, value: Cell): AnnualReport {
  const next = structuredClone(report);
  writeCell(next, pointer, value);
  return next;
}

const PROJECT_ROWS_2019 = ['article20Item5/administrativeLicensing', 'article20Item5/otherExternalManagementServices', 'article20Item6/administrativePunishment', 'article20Item6/administrativeCoercion', 'article20Item8/administrativeFees'];

/** Cells carried over from last year's report (prefilled by the server when it has that report). */
export function isCarryOver(format: FormatId, pointer: string): boolean {
  if (pointer.startsWith('/applications/carriedOverFromPreviousYear/')) return true;
  return format === '2019' && PROJECT_ROWS_2019.some((row) => pointer === `/activeDisclosure/${row}/previousYearCount`);
}

/** What a person typed in a cell: blank, or a number written the Chinese way (1,234 / 1，234 / 全角数字). */
export function parseCell(text: string): Cell | 'invalid' {
  const normal = text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '').replace(/－/g, '-');
  if (normal === '') return null;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : 'invalid';
}

/** The cells of a pasted row: a spreadsheet's tabs (a blank between two tabs is a blank cell), or spaces. */
export function pastedNumbers(text: string): string[] {
  const row = text.replace(/[\r\n]+$/, '');
  return row.includes('\t') ? row.split('\t').map((part) => part.trim()) : row.trim().split(/\s+/).filter((part) => part !== '');
}
