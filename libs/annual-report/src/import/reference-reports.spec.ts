import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../rules/check-report.js';
import { readCell } from '../model/cells.js';
import type { AnnualReport } from '../model/report.js';
import { importReportText } from './import-report.js';

// The five real reports kept as test fixtures (libs/annual-report/src/import → ../../../../ = repo root).
const REFERENCE = new URL('../../../../test/fixtures/reference/', import.meta.url);
const FILES = ['000_haidong-gongxin-2019.txt', '001_haidong-zhengwufuwu-2019.txt', '002_zibo-gongxin-2019.txt', '003_haidong-pinpai-2021.txt', '004_weihai-gongxin-2020.txt'];

function imported(seed: number) {
  const result = importReportText(readFileSync(new URL(FILES[seed], REFERENCE), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** RULES.md §2.2, transcribed: "strict|blank-as-zero" where the oracle gives a BAZ value. */
const ORACLE = `
FMT-01   PASS PASS PASS PASS PASS
FMT-02   PASS PASS PASS PASS PASS
FMT-03   PASS PASS PASS PASS PASS
STR-01   PASS FAIL PASS PASS FAIL
STR-02   FAIL FAIL PASS PASS PASS
STR-03   PASS PASS PASS PASS PASS
STR-05   N/A FAIL N/A PASS PASS
STR-06   N/A PASS N/A FAIL PASS
STR-07   PASS PASS PASS PASS PASS
PER-01   FAIL PASS PASS PASS PASS
PER-02   N/A PASS PASS FAIL PASS
PER-03   PASS PASS PASS PASS PASS
PER-04   N/A N/A N/A PASS PASS
NUM-01   PASS FAIL PASS PASS PASS
NUM-02   PASS PASS PASS PASS PASS
ACT19-01 PASS PASS FAIL N/A PASS
ACT19-02 PASS PASS PASS N/A PASS
ACT19-03 PASS PASS PASS N/A PASS
ACT19-04 PASS PASS PASS N/A PASS
ACT19-05 PASS PASS PASS N/A PASS
ACT21-01 N/A N/A N/A PASS N/A
ACT21-02 N/A N/A N/A PASS N/A
ACT21-03 N/A N/A N/A PASS N/A
APP-01   FAIL FAIL PASS PASS PASS
APP-02   N/E|PASS N/E|PASS PASS PASS PASS
APP-03   N/E|PASS N/E|PASS PASS PASS PASS
APP-04   N/E|PASS N/E|PASS PASS PASS PASS
APP-05   PASS PASS PASS PASS PASS
APP-06   N/A N/E|PASS PASS PASS PASS
APP-07   N/A N/A N/A N/A N/A
REV-01   PASS PASS PASS PASS FAIL
REV-02   PASS PASS PASS PASS N/E|PASS
REV-03   PASS PASS PASS PASS PASS
REV-04   PASS PASS PASS PASS PASS
LBL-01   PASS PASS PASS FAIL FAIL
LBL-02   PASS PASS PASS PASS PASS
TXT-01   FAIL PASS PASS PASS PASS
TXT-02   PASS PASS FAIL FAIL PASS
TXT-03   PASS PASS PASS PASS PASS
TXT-04   N/A PASS FAIL PASS PASS
TXT-05   N/A N/A N/A FAIL N/A
TXT-06   PASS PASS PASS PASS FAIL
SEM-01   PASS FAIL PASS FAIL PASS
SEM-02   N/A N/A PASS PASS PASS
XYR-01   N/A N/A N/A N/A N/A
XYR-02   N/A N/A N/A N/A N/A
XYR-03   N/A N/A N/A N/A N/A
`;

const oracle = ORACLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .map(([rule, ...cells]) => ({ rule, cells }));

function expectOracle(seed: number, report: AnnualReport): void {
  const strict = new Map(checkReport(report, { mode: 'strict' }).outcomes.map((o) => [o.ruleId as string, o.status as string]));
  const baz = new Map(checkReport(report, { mode: 'blank-as-zero' }).outcomes.map((o) => [o.ruleId as string, o.status as string]));
  const expected = oracle.map(({ rule, cells }) => [rule, cells[seed]]);
  const actual = oracle.map(({ rule, cells }) => {
    const [, bazExpected] = cells[seed].split('|');
    return [rule, bazExpected === undefined ? strict.get(rule) : `${strict.get(rule)}|${baz.get(rule)}`];
  });
  expect(actual).toEqual(expected);
}

const errorsAndWarnings = (report: AnnualReport) => {
  const check = checkReport(report, { mode: 'strict' });
  return { errors: check.errors, warnings: check.warnings };
};

const row = (report: AnnualReport, pointer: string, keys: readonly string[]) => keys.map((k) => readCell(report, `${pointer}/${k}`));
const C = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceInstitution', 'otherOrganization', 'total'];
const P19 = ['previousYearCount', 'changeThisYear', 'decisionCount'];
const I1_19 = ['newlyMade', 'newlyPublished', 'totalPublished'];
const AD = '/activeDisclosure';
const REVIEW = ['administrativeReview', 'litigationWithoutReview', 'litigationAfterReview'].flatMap((g) =>
  ['upheld', 'corrected', 'otherResult', 'pending', 'total'].map((k) => `/reviewLitigation/${g}/${k}`),
);

describe('seed 000 海东市工业和信息化局 2019', () => {
  const { report, unplaced } = imported(0);

  it('imports the 主动公开 values, the 15 zero review cells and no applications cell it cannot place', () => {
    expect([report.format, report.reportYear, report.agency.name]).toEqual(['2019', 2019, '海东市工业和信息化局']);
    expect(row(report, `${AD}/article20Item1/regulations`, I1_19)).toEqual([0, 0, 0]);
    expect(row(report, `${AD}/article20Item1/normativeDocuments`, I1_19)).toEqual([0, 0, 0]);
    expect(row(report, `${AD}/article20Item5/administrativeLicensing`, P19)).toEqual([20, -8, 12]);
    expect(row(report, `${AD}/article20Item5/otherExternalManagementServices`, P19)).toEqual([0, 0, 0]);
    expect(row(report, `${AD}/article20Item6/administrativePunishment`, P19)).toEqual([3, -3, 0]);
    expect(row(report, `${AD}/article20Item6/administrativeCoercion`, P19)).toEqual([0, 0, 0]);
    expect(row(report, `${AD}/article20Item8/administrativeFees`, ['previousYearCount', 'changeThisYear'])).toEqual([13, -5]);
    expect(row(report, `${AD}/article20Item9/centralizedProcurement`, ['projectCount', 'totalAmountYuan'])).toEqual([0, 0]);
    expect(REVIEW.map((p) => readCell(report, p))).toEqual(Array(15).fill(0));
    expect(row(report, '/applications/newReceived', C)).toEqual(Array(7).fill(null));
  });

  it('reports the 21 single application values with their lines and leaves 予以公开 and 属于国家秘密 without any', () => {
    const values = unplaced.filter((u) => u.text === '0' && u.line >= 153 && u.line <= 281);
    expect(values).toHaveLength(21);
    expect(Object.keys(report.extraction!.unplacedRowValues)).not.toContain('/applications/results/granted');
    expect(Object.keys(report.extraction!.unplacedRowValues)).not.toContain('/applications/results/denied/stateSecret');
    expect(unplaced.map((u) => u.line)).toContain(156);
  });

  it('has no statistics period and only sections 一 to 五', () => {
    expect(report.statisticsPeriod).toBeUndefined();
    expect(report.headings.map((h) => h.section)).not.toContain('otherMatters');
  });

  it('matches the oracle', () => {
    expectOracle(0, report);
    expect(errorsAndWarnings(report)).toEqual({ errors: ['STR-02', 'APP-01', 'TXT-01'], warnings: ['PER-01'] });
  });
});

describe('seed 001 海东市政务服务监督管理局 2019', () => {
  const { report } = imported(1);

  it('imports signed notations, the annotated procurement cells as written and a blank applications grid', () => {
    expect(report.title.replace(/\s+/g, '')).toBe('海东市政务服务监督管理局2019年信息公开工作年度报告');
    expect(report.statisticsPeriod).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(row(report, `${AD}/article20Item1/regulations`, I1_19)).toEqual([36, 42, 42]);
    expect(row(report, `${AD}/article20Item5/administrativeLicensing`, P19)).toEqual([69, 114, 0]);
    expect(row(report, `${AD}/article20Item5/otherExternalManagementServices`, P19)).toEqual([146, -57, 0]);
    expect(row(report, `${AD}/article20Item8/administrativeFees`, ['previousYearCount', 'changeThisYear'])).toEqual([0, 0]);
    expect(row(report, `${AD}/article20Item9/centralizedProcurement`, ['projectCount', 'totalAmountYuan'])).toEqual([null, null]);
    expect(report.extraction!.asWritten[`${AD}/article20Item9/centralizedProcurement/projectCount`]).toBe('1659（海东市）');
    expect(report.extraction!.asWritten[`${AD}/article20Item9/centralizedProcurement/totalAmountYuan`]).toBe('19.7469 亿元（海东市）');
    expect(report.extraction!.asWritten[`${AD}/article20Item5/administrativeLicensing/changeThisYear`]).toBe('增 114');
    expect(row(report, '/applications/results/total', C)).toEqual(Array(7).fill(null));
    expect(REVIEW.map((p) => readCell(report, p))).toEqual(Array(15).fill(0));
  });

  it('matches the oracle, with info notices for 增/减', () => {
    expectOracle(1, report);
    expect(errorsAndWarnings(report)).toEqual({ errors: ['STR-02', 'NUM-01', 'APP-01'], warnings: ['STR-01', 'STR-05', 'SEM-01'] });
    const infos = checkReport(report).findings.filter((f) => f.ruleId === 'ACT19-04');
    expect(infos.map((f) => [f.severity, f.actual])).toEqual([['info', '增 114'], ['info', '减 57']]);
  });
});

describe('seed 002 淄博市工业和信息化局 2019', () => {
  const { report } = imported(2);

  it('imports the tables, converting 367.98万元 to 元 and leaving 其他对外管理服务事项 blank', () => {
    expect(row(report, `${AD}/article20Item1/normativeDocuments`, I1_19)).toEqual([2, 2, 4]);
    expect(row(report, `${AD}/article20Item5/otherExternalManagementServices`, P19)).toEqual([null, null, null]);
    expect(row(report, `${AD}/article20Item9/centralizedProcurement`, ['projectCount', 'totalAmountYuan'])).toEqual([10, 3679800]);
    expect(row(report, '/applications/newReceived', C)).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(report, '/applications/results/granted', C)).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(report, '/applications/results/total', C)).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(report, '/applications/results/denied/protectsThirdPartyRights', C)).toEqual(Array(7).fill(0));
    expect(row(report, '/applications/results/notProcessed/confirmOrReissueObtainedInfo', C)).toEqual(Array(7).fill(0));
    expect(row(report, '/applications/carriedForwardToNextYear', C)).toEqual(Array(7).fill(0));
    expect(REVIEW.map((p) => readCell(report, p))).toEqual(Array(15).fill(0));
  });

  it('reassembles the vertical 三、本年度办理结果 label even though its last character sits on a row line', () => {
    expect(report.extraction!.labels['/applications/results']).toBe('三、本年度办理结果');
  });

  it('matches the oracle', () => {
    expectOracle(2, report);
    expect(errorsAndWarnings(report)).toEqual({ errors: ['ACT19-01'], warnings: ['TXT-02', 'TXT-04'] });
  });
});

describe('seed 003 海东市地方品牌产业培育促进局 2021', () => {
  const { report } = imported(3);

  it('imports the 2021 tables with （六） sub-rows, dates and the short period', () => {
    expect(report.format).toBe('2021');
    expect(row(report, `${AD}/article20Item1/regulations`, ['issuedThisYear', 'repealedThisYear', 'currentlyValid'])).toEqual([2, 0, 7]);
    expect(row(report, `${AD}/article20Item1/normativeDocuments`, ['issuedThisYear', 'repealedThisYear', 'currentlyValid'])).toEqual([0, 0, 0]);
    expect(readCell(report, `${AD}/article20Item8/administrativeFees/amountTenThousandYuan`)).toBe(0);
    expect(row(report, '/applications/results/otherHandling/feeNotPaidOverdue', C)).toEqual(Array(7).fill(0));
    const all = ['newReceived', 'carriedOverFromPreviousYear', 'carriedForwardToNextYear'].flatMap((r) => row(report, `/applications/${r}`, C));
    expect(all).toEqual(Array(21).fill(0));
    expect([report.signatureDate, report.publicationDate]).toEqual(['2022-01-04', '2022-01-06']);
    expect(report.statisticsPeriod).toEqual({ start: '2021-01-01', end: '2021-12-28' });
    expect(report.extraction!.labels['/activeDisclosure/article20Item1#repealedThisYear']).toBe('本年度止件数');
  });

  it('matches the oracle', () => {
    expectOracle(3, report);
    expect(errorsAndWarnings(report)).toEqual({ errors: ['PER-02', 'LBL-01'], warnings: ['STR-06', 'TXT-02', 'TXT-05', 'SEM-01'] });
  });
});

describe('seed 004 威海市工业和信息化局 2020', () => {
  const { report } = imported(4);

  it('imports the 2019-format tables of a 2020 report, with blank 行政复议 cells', () => {
    expect([report.format, report.reportYear]).toEqual(['2019', 2020]);
    expect(row(report, `${AD}/article20Item1/normativeDocuments`, I1_19)).toEqual([4, 4, 14]);
    expect(row(report, `${AD}/article20Item5/administrativeLicensing`, P19)).toEqual([2, 0, 2]);
    expect(row(report, `${AD}/article20Item6/administrativePunishment`, P19)).toEqual([7, 44, 0]);
    expect(row(report, `${AD}/article20Item6/administrativeCoercion`, P19)).toEqual([2, 2, 0]);
    expect(row(report, `${AD}/article20Item8/administrativeFees`, ['previousYearCount', 'changeThisYear'])).toEqual([1, 0]);
    expect(row(report, `${AD}/article20Item9/centralizedProcurement`, ['projectCount', 'totalAmountYuan'])).toEqual([5, 785901.37]);
    expect(row(report, '/applications/results/total', C)).toEqual(Array(7).fill(0));
    expect(REVIEW.map((p) => readCell(report, p))).toEqual([...Array(5).fill(null), ...Array(10).fill(0)]);
    expect(report.signatureDate).toBe('2021-01-28');
  });

  it('matches the oracle', () => {
    expectOracle(4, report);
    expect(errorsAndWarnings(report)).toEqual({ errors: ['REV-01', 'LBL-01'], warnings: ['STR-01', 'TXT-06'] });
  });
});
