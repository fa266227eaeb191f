/** The review calendar: weekends and holidays are not working days; 调休 weekend days are. */
export interface WorkingCalendar {
  /** Length of one "day". Only a whole day (86 400 000) uses the calendar; other units count plainly. */
  unitMs: number;
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Government calendars are Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function beijingDate(instant: number): { iso: string; weekday: number } {
  const local = new Date(instant + BEIJING_OFFSET_MS);
  return { iso: local.toISOString().slice(0, 10), weekday: local.getUTCDay() };
}

export function isWorkingDay(instant: number, calendar: WorkingCalendar): boolean {
  const { iso, weekday } = beijingDate(instant);
  if (calendar.extraWorkdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  return weekday !== 0 && weekday !== 6;
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
