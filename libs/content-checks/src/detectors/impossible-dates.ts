import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { daysInMonth } from '../text/calendar.js';

/** 2021年2月30日, 2019年13月, 2月30日, 13月5日 (Arabic numerals; the view has no spaces inside dates). */
const DATE = /(?<![0-9])(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/g;

/** Dates that cannot exist: a month outside 1–12, a day past the month's end (leap years counted). */
export function detectImpossibleDates(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(DATE)) {
    const year = m[1] === undefined ? null : Number(m[1]);
    const month = Number(m[2]);
    const day = m[3] === undefined ? null : Number(m[3]);
    // Without a year, 2月29日 is possible.
    const monthOk = month >= 1 && month <= 12;
    const dayOk = day === null || (monthOk && day >= 1 && day <= daysInMonth(year ?? 2000, month));
    if (year === null && day === null && !isBareMonth(text, m.index, m[0].length)) continue;
    if (monthOk && dayOk) continue;
    findings.push(
      finding(
        text,
        'impossible_date',
        'blocking',
        m.index,
        m.index + m[0].length,
        null,
        monthOk ? `日期“${m[0]}”不存在：${month}月没有${day}日` : `日期“${m[0]}”不存在：月份应在1至12之间`,
      ),
    );
  }
  return findings;
}

/** "13月" alone counts as a date only when it is not a duration or a count (13个月, 第13月份 …). */
function isBareMonth(text: string, start: number, length: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[start + length] ?? '';
  return before !== '第' && after !== '份' && !/[0-9个]/.test(before);
}
