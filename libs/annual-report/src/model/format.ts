import { err, ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';

/** The two national templates: 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号. */
export type FormatId = '2019' | '2021';

export const FORMAT_IDS: readonly FormatId[] = ['2019', '2021'];

export interface FormatInfo {
  id: FormatId;
  /** The notice that defines the format. */
  notice: string;
  firstYear: number;
  /** Last report year the format applies to; null while current. */
  lastYear: number | null;
}

export const FORMATS = {
  '2019': { id: '2019', notice: '国办公开办函〔2019〕60号', firstYear: 2019, lastYear: 2020 },
  '2021': { id: '2021', notice: '国办公开办函〔2021〕30号', firstYear: 2021, lastYear: null },
} as const satisfies Record<FormatId, FormatInfo>;

export type FormatErrorCode = 'ANNUAL_REPORT.YEAR_UNSUPPORTED';

export interface FormatError {
  code: FormatErrorCode;
  message: string;
  year: number;
}

/** The format a report for `year` must use; years before 2019 (the pre-条例-revision layout) are refused. */
export function formatForYear(year: number): Result<FormatId, FormatError> {
  if (!Number.isInteger(year) || year < FORMATS['2019'].firstYear) {
    return err({
      code: 'ANNUAL_REPORT.YEAR_UNSUPPORTED',
      message: `不支持${year}年度的年度报告：2018年及以前的报告使用修订前条例的旧格式，本系统只支持2019年及以后的国家统一格式`,
      year,
    });
  }
  return ok(year <= FORMATS['2019'].lastYear ? '2019' : '2021');
}
