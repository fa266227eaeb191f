import chineseDays from 'chinese-days';

/**
 * The review calendar: the State Council's published calendar (chinese-days: weekends, 法定节假日 and
 * 调休 working weekends), with the admin's own dates on top (REVIEW_HOLIDAYS, REVIEW_EXTRA_WORKDAYS):
 * local closures, or a year the library does not know yet.
 */
export interface WorkingCalendar {
  /** Length of one "day". Only a whole day (86 400 000) uses the calendar; other units count plainly. */
  unitMs: number;
  /** Overrides: non-working days (YYYY-MM-DD). */
  holidays: readonly string[];
  /** Overrides: working days (YYYY-MM-DD), even on a weekend or a national holiday. */
  extraWorkdays: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Government calendars are Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function beijingDate(instant: number): string {
  return new Date(instant + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(instant: number, calendar: WorkingCalendar): boolean {
  const iso = beijingDate(instant);
  if (calendar.extraWorkdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  return chineseDays.isWorkday(iso);
}

/**
 * The instant `days` working days after `start`: each day forward counts only if it is a working
 * day, so a task opened on Friday 15:00 with 2 days is due Tuesday 15:00. With a unit other than a
 * whole day (tests), simply start + days × unit.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  if (calendar.unitMs !== DAY_MS) return new Date(start.getTime() + days * calendar.unitMs);
  let instant = start.getTime();
  let counted = 0;
  // Bounded: a calendar that declares a whole year of holidays must not spin forever.
  for (let step = 0; counted < days && step < 3660; step += 1) {
    instant += DAY_MS;
    if (isWorkingDay(instant, calendar)) counted += 1;
  }
  return new Date(instant);
}

/** Whether the national calendar lists the year's holidays: 元旦 (1 January) is one in every listed year. */
function nationalCalendarKnows(year: number): boolean {
  return chineseDays.getDayDetail(`${year}-01-01`).name.includes('元旦');
}

/**
 * The years due dates are computed in now (this one, and the next from December on) that neither the
 * national calendar nor the admin's overrides cover: there, only weekends are days off.
 */
export function yearsWithoutHolidays(now: Date, calendar: Pick<WorkingCalendar, 'holidays'>): number[] {
  const today = beijingDate(now.getTime());
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  return years.filter((candidate) => !nationalCalendarKnows(candidate) && !calendar.holidays.some((day) => day.startsWith(`${candidate}-`)));
}
