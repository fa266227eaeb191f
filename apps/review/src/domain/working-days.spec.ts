import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.js';

const DAY = 24 * 60 * 60 * 1000;
const calendar = { unitMs: DAY, holidays: ['2026-10-01', '2026-10-02'], extraWorkdays: ['2026-09-27'] };
/** 15:00 Beijing time on a date. */
const at15 = (date: string) => new Date(`${date}T15:00:00+08:00`);

describe('addWorkingDays', () => {
  it('counts weekdays: Monday + 2 is Wednesday, same time of day', () => {
    expect(addWorkingDays(at15('2026-11-16'), 2, calendar)).toEqual(at15('2026-11-18'));
  });

  it('skips the weekend: Friday + 2 is Tuesday', () => {
    expect(addWorkingDays(at15('2026-11-20'), 2, calendar)).toEqual(at15('2026-11-24'));
  });

  it('skips configured holidays and counts a 调休 Sunday', () => {
    // Wed 30 Sep + 2: Thu 1 Oct and Fri 2 Oct are holidays, then the weekend → Mon 5, Tue 6.
    expect(addWorkingDays(at15('2026-09-30'), 2, calendar)).toEqual(at15('2026-10-06'));
    // Fri 25 Sep + 1: Sat 26 no, Sun 27 is a make-up working day.
    expect(addWorkingDays(at15('2026-09-25'), 1, calendar)).toEqual(at15('2026-09-27'));
  });

  it('uses Beijing dates: 23:30 UTC on a Friday is already Saturday in Beijing', () => {
    expect(isWorkingDay(Date.parse('2026-11-20T23:30:00Z'), calendar)).toBe(false);
    expect(isWorkingDay(Date.parse('2026-11-20T15:30:00Z'), calendar)).toBe(true);
  });

  it('with a short unit (tests) counts plain units, no calendar', () => {
    const start = at15('2026-11-21'); // a Saturday
    expect(addWorkingDays(start, 2, { ...calendar, unitMs: 1000 }).getTime() - start.getTime()).toBe(2000);
  });
});
