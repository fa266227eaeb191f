import { idCardCheckChar } from './checksums.js';
import { compareDates, isValidDate } from '../text/calendar.js';
import type { CalendarDate } from '../text/calendar.js';

/** First two digits of the administrative division code (GB/T 2260 provinces; 81–83 港澳台). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82, 83,
]);
const EARLIEST_BIRTH_YEAR = 1900;

export type IdCardForm = '18' | '15';

function plausibleBirth(birth: CalendarDate, notAfter: CalendarDate | null): boolean {
  if (birth.year < EARLIEST_BIRTH_YEAR || !isValidDate(birth)) return false;
  return notAfter === null || compareDates(birth, notAfter) <= 0;
}

/**
 * Is `value` a 居民身份证号码? 18 characters: province, a plausible birth date (not after
 * `notAfter`, the document date) and the MOD 11-2 check character; 15 digits (the pre-1999 form):
 * province and a plausible 19yy birth date (it has no check digit).
 */
export function idCardForm(value: string, notAfter: CalendarDate | null): IdCardForm | null {
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return null;
  if (value.length === 18) {
    const birth = { year: Number(value.slice(6, 10)), month: Number(value.slice(10, 12)), day: Number(value.slice(12, 14)) };
    if (!plausibleBirth(birth, notAfter)) return null;
    return idCardCheckChar(value.slice(0, 17)) === value[17].toUpperCase() ? '18' : null;
  }
  if (value.length === 15 && /^\d{15}$/.test(value)) {
    const birth = { year: 1900 + Number(value.slice(6, 8)), month: Number(value.slice(8, 10)), day: Number(value.slice(10, 12)) };
    return plausibleBirth(birth, notAfter) ? '15' : null;
  }
  return null;
}
