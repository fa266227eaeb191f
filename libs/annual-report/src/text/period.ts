/** A statistics period stated in prose (PER-01/02), as ISO dates. */
export interface StatedPeriod {
  start: string;
  end: string;
}

const PERIOD =
  /(?:统计期限|统计时限|统计时间|数据时间|所列数据|数据的统计)[^。]*?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\d]*?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

const iso = (year: string, month: string, day: string): string => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;

/** Finds "统计期限自YYYY年M月D日至[YYYY年]M月D日"; an end without a year inherits the start year. */
export function findStatedPeriod(prose: string): StatedPeriod | null {
  const match = PERIOD.exec(prose);
  if (match === null) return null;
  const [, startYear, startMonth, startDay, endYear, endMonth, endDay] = match;
  return { start: iso(startYear, startMonth, startDay), end: iso(endYear ?? startYear, endMonth, endDay) };
}
