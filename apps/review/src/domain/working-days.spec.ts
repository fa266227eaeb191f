import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, yearsWithoutHolidays } from './working-days.js';

const DAY = 24 * 60 * 60 * 1000;
const calendar = { unitMs: DAY, holidays: [], extraWorkdays: [] };
/** 15:00 Beijing time on a date. */
const at15 = (date: string) => new Date(`${date}T15:00:00+08:00`);

describe('addWorkingDays', () => {
  it('counts weekdays: Monday + 2 is Wednesday, same time of day', () => {
    expect(addWorkingDays(at15('2026-11-16'), 2, calendar)).toEqual(at15('2026-11-18'));
  });

  it('skips the weekend: Friday + 2 is Tuesday', () => {
    expect(addWorkingDays(at15('2026-11-20'), 2, calendar)).toEqual(at15('2026-11-24'));
  });

  it('follows the national calendar: 法定节假日 are skipped, 调休 weekend days count', () => {
    // Wed 30 Sep + 2: 1–7 Oct is the National Day holiday → Thu 8, Fri 9.
    expect(addWorkingDays(at15('2026-09-30'), 2, calendar)).toEqual(at15('2026-10-09'));
    // Fri 9 Oct + 1: Sat 10 Oct is a make-up working day (调休).
    expect(addWorkingDays(at15('2026-10-09'), 1, calendar)).toEqual(at15('2026-10-10'));
  });

  it("puts the admin's dates on top of the national calendar", () => {
    const local = { ...calendar, holidays: ['2026-11-17'], extraWorkdays: ['2026-10-05', '2026-11-21'] };
    // Tue 17 Nov is a local closure: Mon 16 + 2 is Thursday.
    expect(addWorkingDays(at15('2026-11-16'), 2, local)).toEqual(at15('2026-11-19'));
    // A national holiday and a Saturday declared working days.
    expect(isWorkingDay(Date.parse('2026-10-05T04:00:00Z'), local)).toBe(true);
    expect(isWorkingDay(Date.parse('2026-11-21T04:00:00Z'), local)).toBe(true);
    expect(isWorkingDay(Date.parse('2026-10-05T04:00:00Z'), calendar)).toBe(false);
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

describe('yearsWithoutHolidays', () => {
  it('names a year the national calendar does not list, from December of the year before', () => {
    expect(yearsWithoutHolidays(new Date('2026-06-01T00:00:00Z'), { holidays: [] })).toEqual([]);
    expect(yearsWithoutHolidays(new Date('2098-06-01T00:00:00Z'), { holidays: [] })).toEqual([2098]);
    expect(yearsWithoutHolidays(new Date('2098-12-06T00:00:00Z'), { holidays: [] })).toEqual([2098, 2099]);
  });

  it('is satisfied by the admin listing days off in that year', () => {
    expect(yearsWithoutHolidays(new Date('2098-12-06T00:00:00Z'), { holidays: ['2098-10-01', '2099-01-01'] })).toEqual([]);
  });

  it('reads the date in Beijing time', () => {
    expect(yearsWithoutHolidays(new Date('2098-11-30T16:30:00Z'), { holidays: ['2098-10-01'] })).toEqual([2099]);
    expect(yearsWithoutHolidays(new Date('2098-11-30T15:30:00Z'), { holidays: ['2098-10-01'] })).toEqual([]);
  });
});
