import { describe, expect, it } from 'vitest';
import { detectImpossibleDates } from './impossible-dates.js';

const matched = (text: string) => detectImpossibleDates(text).map((f) => f.matched);

describe('detectImpossibleDates', () => {
  it('flags days past the end of the month', () => {
    expect(matched('于2021年2月30日印发')).toEqual(['2021年2月30日']);
    expect(matched('2019年2月29日')).toEqual(['2019年2月29日']);
    expect(matched('2021年4月31日')).toEqual(['2021年4月31日']);
  });

  it('flags month 13 and month 0', () => {
    expect(matched('2019年13月')).toEqual(['2019年13月']);
    expect(matched('截至13月5日')).toEqual(['13月5日']);
    expect(matched('于0月到位')).toEqual(['0月']);
  });

  it('accepts real dates, leap days and durations', () => {
    expect(matched('2020年2月29日、2019年12月31日、2月29日、12月')).toEqual([]);
    expect(matched('历时13个月，第13月份')).toEqual([]);
  });

  it('is blocking and offers no suggestion', () => {
    expect(detectImpossibleDates('2021年2月30日')[0]).toMatchObject({ type: 'impossible_date', severity: 'blocking', suggestion: null });
  });
});
