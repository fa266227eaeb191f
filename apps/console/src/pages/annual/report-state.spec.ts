import { readCell, sampleReport } from '@sanshen/annual-report';
import { describe, expect, it } from 'vitest';
import { isCarryOver, parseCell, pastedNumbers, withCell } from './report-state';
import { liveCheck } from './use-live-check';

describe('the annual-report editor state', () => {
  it('reads numbers as people type them', () => {
    expect(parseCell('')).toBeNull();
    expect(parseCell(' 1,234 ')).toBe(1234);
    expect(parseCell('１２３')).toBe(123);
    expect(parseCell('－5')).toBe(-5);
    expect(parseCell('十二')).toBe('invalid');
  });

  it('splits a pasted spreadsheet row', () => {
    expect(pastedNumbers('1\t2\t 3\n')).toEqual(['1', '2', '3']);
    expect(pastedNumbers('1\t\t3')).toEqual(['1', '', '3']);
    expect(pastedNumbers('1  2 3')).toEqual(['1', '2', '3']);
  });

  it('changes one cell without touching the original', () => {
    const report = sampleReport('2021');
    const next = withCell(report, '/applications/newReceived/naturalPerson', 99);
    expect(readCell(next, '/applications/newReceived/naturalPerson')).toBe(99);
    expect(readCell(report, '/applications/newReceived/naturalPerson')).not.toBe(99);
  });

  it('knows the carry-over cells of each format', () => {
    expect(isCarryOver('2021', '/applications/carriedOverFromPreviousYear/total')).toBe(true);
    expect(isCarryOver('2019', '/activeDisclosure/article20Item5/administrativeLicensing/previousYearCount')).toBe(true);
    expect(isCarryOver('2021', '/applications/newReceived/total')).toBe(false);
  });

  it('marks the cells of a failing rule and re-checks a cell edit in under 50 ms', () => {
    const previous = sampleReport('2019', 2019);
    const report = withCell(sampleReport('2019', 2020), '/applications/newReceived/naturalPerson', 10_000);
    const live = liveCheck(report, previous);
    expect(live.errors.length).toBeGreaterThan(0);
    expect(live.byCell.has('/applications/newReceived/naturalPerson')).toBe(true);
    const times = Array.from({ length: 20 }, (_, index) => liveCheck(withCell(report, '/applications/newReceived/total', index), previous).tookMs).sort((a, b) => a - b);
    expect(times[10]).toBeLessThan(50);
  });
});
