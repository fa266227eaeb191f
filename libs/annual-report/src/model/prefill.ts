import { err, ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import { APPLICANT_COLUMNS } from './grid.js';
import { readCell, writeCell } from './cells.js';
import type { AnnualReport } from './report.js';

export interface PrefillError {
  code: 'ANNUAL_REPORT.PREVIOUS_YEAR_MISMATCH';
  message: string;
}

export interface Prefilled {
  report: AnnualReport;
  /** Pointers of the cells that were filled. */
  filled: string[];
}

/** Rows of the 2019 format whose 上一年项目数量 carries over (XYR-01). */
const PROJECT_ROWS_2019 = [
  '/activeDisclosure/article20Item5/administrativeLicensing',
  '/activeDisclosure/article20Item5/otherExternalManagementServices',
  '/activeDisclosure/article20Item6/administrativePunishment',
  '/activeDisclosure/article20Item6/administrativeCoercion',
  '/activeDisclosure/article20Item8/administrativeFees',
];

/**
 * Fills the blank carry-over cells of `draft` from last year's report:
 * 上年结转 = last year's 结转下年度 per column (XYR-03) and, 2019 format to 2019 format,
 * 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (XYR-01). Cells already filled are kept.
 * 现行有效件数 (XYR-02) also depends on this year's 制发/废止 and is therefore not prefilled.
 */
export function prefillFromPreviousYear(draft: AnnualReport, previous: AnnualReport): Result<Prefilled, PrefillError> {
  if (previous.reportYear !== draft.reportYear - 1) {
    return err({
      code: 'ANNUAL_REPORT.PREVIOUS_YEAR_MISMATCH',
      message: `上年结转数据须取自${draft.reportYear - 1}年度报告，所给报告为${previous.reportYear}年度`,
    });
  }
  const report = structuredClone(draft);
  const filled: string[] = [];
  const fill = (pointer: string, value: number | null): void => {
    if (value === null || readCell(report, pointer) !== null) return;
    writeCell(report, pointer, value);
    filled.push(pointer);
  };
  for (const column of APPLICANT_COLUMNS) {
    fill(
      `/applications/carriedOverFromPreviousYear/${column.key}`,
      readCell(previous, `/applications/carriedForwardToNextYear/${column.key}`) ?? null,
    );
  }
  if (draft.format === '2019' && previous.format === '2019') {
    for (const row of PROJECT_ROWS_2019) {
      const base = readCell(previous, `${row}/previousYearCount`);
      const change = readCell(previous, `${row}/changeThisYear`);
      fill(`${row}/previousYearCount`, typeof base === 'number' && typeof change === 'number' ? base + change : null);
    }
  }
  return ok({ report, filled });
}
