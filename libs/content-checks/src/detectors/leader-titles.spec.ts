import { describe, expect, it } from 'vitest';
import { compileLeaders } from '../leaders/leader-tenure.js';
import type { LeaderTenure } from '../leaders/leader-tenure.js';
import { detectLeaderTitles } from './leader-titles.js';

/** Fictional people and a fictional city: no real leader data is shipped. */
const TENURES: LeaderTenure[] = [
  { name: '甄时明', title: '副市长', from: '2016-01-10', until: '2020-03-01' },
  { name: '甄时明', title: '市长', from: '2020-03-01' },
  { name: '贾守正', title: '市长', from: '2015-05-01', until: '2020-03-01' },
];
const { leaders } = compileLeaders(TENURES);
const on = (year: number, month: number, day: number) => ({ year, month, day });

describe('detectLeaderTitles', () => {
  it('accepts a title held on the document date, before or after the name', () => {
    expect(detectLeaderTitles('副市长甄时明出席会议', leaders, on(2019, 6, 1))).toEqual([]);
    expect(detectLeaderTitles('甄时明市长出席会议', leaders, on(2021, 6, 1))).toEqual([]);
  });

  it('flags a title the leader no longer held, suggesting the one held then', () => {
    const text = '副市长甄时明出席会议';
    const [f] = detectLeaderTitles(text, leaders, on(2021, 6, 1));
    expect(f).toMatchObject({ type: 'leader_title', severity: 'blocking', matched: '副市长甄时明', suggestion: '市长甄时明' });
    expect(f.message).toBe('文档日期2021年6月1日时，甄时明未担任“副市长”，当时职务为“市长”');
  });

  it('flags a title not yet held (the end date is exclusive)', () => {
    expect(detectLeaderTitles('甄时明市长', leaders, on(2020, 2, 29)).map((f) => f.suggestion)).toEqual(['甄时明副市长']);
    expect(detectLeaderTitles('甄时明市长', leaders, on(2020, 3, 1))).toEqual([]);
  });

  it('flags a former leader with no title on that day, without suggestion', () => {
    const [f] = detectLeaderTitles('市长贾守正', leaders, on(2022, 1, 1));
    expect(f.suggestion).toBeNull();
  });

  it('ignores names without an adjacent title and unknown names', () => {
    expect(detectLeaderTitles('甄时明同志出席', leaders, on(2022, 1, 1))).toEqual([]);
    expect(detectLeaderTitles('市长王某出席', leaders, on(2022, 1, 1))).toEqual([]);
  });
});

describe('compileLeaders', () => {
  it('rejects tenures with bad data', () => {
    const { rejected } = compileLeaders([
      { name: '', title: '市长', from: '2020-01-01' },
      { name: '甲', title: ' ', from: '2020-01-01' },
      { name: '甲', title: '市长', from: '2020-02-30' },
      { name: '甲', title: '市长', from: '2020-01-01', until: '2019-01-01' },
    ]);
    expect(rejected.map((r) => r.reason)).toEqual(['empty_name', 'empty_title', 'invalid_date', 'ends_before_start']);
  });
});
