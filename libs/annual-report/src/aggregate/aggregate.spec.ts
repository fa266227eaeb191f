import { describe, expect, it } from 'vitest';
import { readCell, writeCell } from '../model/cells.js';
import { sampleReport } from '../model/sample-report.js';
import { checkReport } from '../rules/check-report.js';
import { aggregateReports } from './aggregate.js';

const agencyReport = (name: string, year = 2021) => {
  const report = sampleReport(year >= 2021 ? '2021' : '2019', year);
  report.agency = { name };
  report.title = `${name}${year}年政府信息公开工作年度报告`;
  return report;
};

describe('aggregateReports (本级汇总)', () => {
  const city = { name: '海东市人民政府', kind: 'peoplesGovernment' as const };

  it('sums every table cell over the agencies of the year', () => {
    const a = agencyReport('海东市工业和信息化局');
    const b = agencyReport('海东市教育局');
    writeCell(b, '/applications/newReceived/naturalPerson', 10);
    writeCell(b, '/applications/newReceived/total', 12);
    const result = aggregateReports({ reportYear: 2021, agency: city, reports: [a, b] });
    if (!result.ok) throw new Error(result.error.message);
    const { report, included } = result.value;
    expect(included).toEqual(['海东市工业和信息化局', '海东市教育局']);
    expect(readCell(report, '/applications/newReceived/naturalPerson')).toBe(13);
    expect(readCell(report, '/applications/newReceived/total')).toBe(17);
    expect(readCell(report, '/activeDisclosure/article20Item8/administrativeFees/amountTenThousandYuan')).toBe(1);
    expect(readCell(report, '/reviewLitigation/administrativeReview/total')).toBe(2);
    expect(report.agency).toEqual(city);
  });

  it('keeps a sum consistent when the parts are, so the aggregate passes the 勾稽关系 rules', () => {
    const result = aggregateReports({ reportYear: 2021, agency: city, reports: [agencyReport('甲局'), agencyReport('乙局')] });
    if (!result.ok) throw new Error(result.error.message);
    const statuses = checkReport(result.value.report, { only: ['APP-02', 'APP-03', 'APP-04', 'REV-02'] }).outcomes.map((o) => o.status);
    expect(statuses).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
  });

  it('lists missing agencies, failing reports and reports of another year or format', () => {
    const failing = agencyReport('乙局');
    writeCell(failing, '/applications/results/total/total', 9);
    const result = aggregateReports({
      reportYear: 2021,
      agency: city,
      reports: [agencyReport('甲局'), failing, agencyReport('丙局', 2020)],
      expectedAgencies: ['甲局', '乙局', '丙局', '丁局'],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.missing).toEqual(['丙局', '丁局']);
    expect(result.value.failing).toEqual([{ agency: '乙局', errors: ['APP-02', 'APP-03', 'APP-04'] }]);
    expect(result.value.excluded.map((e) => e.agency)).toEqual(['丙局']);
  });

  it('marks cells that some reports left blank and leaves all-blank cells blank', () => {
    const a = agencyReport('甲局');
    const b = agencyReport('乙局');
    writeCell(a, '/reviewLitigation/litigationAfterReview/pending', null);
    writeCell(b, '/reviewLitigation/litigationAfterReview/pending', null);
    writeCell(b, '/reviewLitigation/administrativeReview/upheld', null);
    const result = aggregateReports({ reportYear: 2021, agency: city, reports: [a, b] });
    if (!result.ok) throw new Error(result.error.message);
    expect(readCell(result.value.report, '/reviewLitigation/litigationAfterReview/pending')).toBeNull();
    expect(readCell(result.value.report, '/reviewLitigation/administrativeReview/upheld')).toBe(1);
    expect(result.value.incompleteCells).toEqual(['/reviewLitigation/administrativeReview/upheld', '/reviewLitigation/litigationAfterReview/pending']);
  });

  it('refuses a year before 2019', () => {
    const result = aggregateReports({ reportYear: 2018, agency: city, reports: [] });
    expect(result.ok ? null : result.error.code).toBe('ANNUAL_REPORT.YEAR_UNSUPPORTED');
  });
});
