import { describe, expect, it } from 'vitest';
import { cellsOf, readCell, writeCell } from './cells.js';
import { createEmptyReport } from './create-report.js';
import { formatForYear } from './format.js';
import { prefillFromPreviousYear } from './prefill.js';
import { sampleReport } from './sample-report.js';

describe('formatForYear', () => {
  it.each([
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('gives report year %i the %s format', (year, format) => {
    expect(formatForYear(year)).toEqual({ ok: true, value: format });
  });

  it('refuses the pre-2019 layout with a stable code and a Chinese message', () => {
    const result = formatForYear(2018);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ANNUAL_REPORT.YEAR_UNSUPPORTED');
    expect(result.error.message).toContain('2018');
  });
});

describe('cell catalogue', () => {
  it.each([
    ['2019', 22, 161, 15],
    ['2021', 10, 175, 15],
  ] as const)('has the %s format’s %i 主动公开, %i applications and %i review cells', (format, active, applications, review) => {
    expect([cellsOf(format, 'activeDisclosure').length, cellsOf(format, 'applications').length, cellsOf(format, 'reviewLitigation').length]).toEqual([
      active,
      applications,
      review,
    ]);
  });

  it('labels a cell with the verbatim Chinese labels of the format', () => {
    const def = cellsOf('2021', 'applications').find((c) => c.pointer === '/applications/results/otherHandling/feeNotPaidOverdue/legalServiceInstitution');
    expect(def).toMatchObject({ rowId: 'o2', columnId: 'c5', columnLabel: '法律服务机构', rowLabel: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' });
  });
});

describe('createEmptyReport', () => {
  it('creates six canonical headings and a grid of blanks, not zeros', () => {
    const result = createEmptyReport({ reportYear: 2024, agency: { name: '海东市教育局' } });
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    expect(report.format).toBe('2021');
    expect(report.title).toBe('海东市教育局2024年政府信息公开工作年度报告');
    expect(report.headings.map((h) => h.text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(cellsOf('2021').map((c) => readCell(report, c.pointer))).toEqual(Array(200).fill(null));
    expect(report.statisticsPeriod).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('uses the single （六） row for a 2020 report and refuses 2018', () => {
    const ok2020 = createEmptyReport({ reportYear: 2020, agency: { name: '甲局' } });
    expect(ok2020.ok && readCell(ok2020.value, '/applications/results/otherHandling/total')).toBeNull();
    expect(createEmptyReport({ reportYear: 2018, agency: { name: '甲局' } }).ok).toBe(false);
  });
});

describe('prefillFromPreviousYear', () => {
  it('carries 结转下年度 into 上年结转 and, 2019 to 2019 format, 上一年项目数量 forward', () => {
    const previous = sampleReport('2019', 2019);
    writeCell(previous, '/applications/carriedForwardToNextYear/naturalPerson', 2);
    writeCell(previous, '/applications/carriedForwardToNextYear/total', 2);
    const draft = createEmptyReport({ reportYear: 2020, agency: { name: '海东市工业和信息化局' } });
    if (!draft.ok) throw new Error('draft');
    const result = prefillFromPreviousYear(draft.value, previous);
    if (!result.ok) throw new Error(result.error.message);
    const { report, filled } = result.value;
    expect(readCell(report, '/applications/carriedOverFromPreviousYear/naturalPerson')).toBe(2);
    expect(readCell(report, '/applications/carriedOverFromPreviousYear/total')).toBe(2);
    expect(readCell(report, '/activeDisclosure/article20Item5/administrativeLicensing/previousYearCount')).toBe(12);
    expect(readCell(report, '/activeDisclosure/article20Item6/administrativePunishment/previousYearCount')).toBe(2);
    expect(filled).toHaveLength(7 + 5);
    expect(readCell(draft.value, '/applications/carriedOverFromPreviousYear/total')).toBeNull();
  });

  it('keeps cells the author already filled and prefills only 上年结转 into a 2021-format draft', () => {
    const draft = createEmptyReport({ reportYear: 2021, agency: { name: '甲局' } });
    if (!draft.ok) throw new Error('draft');
    writeCell(draft.value, '/applications/carriedOverFromPreviousYear/total', 4);
    const result = prefillFromPreviousYear(draft.value, sampleReport('2019', 2020));
    if (!result.ok) throw new Error(result.error.message);
    expect(readCell(result.value.report, '/applications/carriedOverFromPreviousYear/total')).toBe(4);
    expect(result.value.filled).toHaveLength(6);
  });

  it('refuses a report that is not of the previous year', () => {
    const draft = createEmptyReport({ reportYear: 2022, agency: { name: '甲局' } });
    if (!draft.ok) throw new Error('draft');
    const result = prefillFromPreviousYear(draft.value, sampleReport('2021', 2020));
    expect(result.ok ? null : result.error.code).toBe('ANNUAL_REPORT.PREVIOUS_YEAR_MISMATCH');
  });
});
