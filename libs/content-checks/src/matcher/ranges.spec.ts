import { describe, expect, it } from 'vitest';
import { insideAny, leftmostLongest, overlapsAny } from './ranges.js';

describe('ranges', () => {
  const ranges = [
    { start: 10, end: 20 },
    { start: 2, end: 5 },
    { start: 12, end: 30 },
  ];

  it('answers containment', () => {
    const inside = insideAny(ranges);
    expect([inside(2, 5), inside(3, 4), inside(11, 25), inside(15, 30), inside(1, 3), inside(5, 6)]).toEqual([true, true, false, true, false, false]);
    expect(insideAny([])(0, 1)).toBe(false);
  });

  it('answers overlap', () => {
    const overlaps = overlapsAny(ranges);
    expect([overlaps(0, 3), overlaps(5, 10), overlaps(4, 5), overlaps(29, 40), overlaps(30, 31)]).toEqual([true, false, true, true, false]);
  });

  it('selects leftmost-longest non-overlapping ranges', () => {
    expect(leftmostLongest([{ start: 0, end: 2 }, { start: 0, end: 4 }, { start: 3, end: 5 }, { start: 4, end: 6 }])).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 6 },
    ]);
  });
});
