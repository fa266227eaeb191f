import { describe, expect, it } from 'vitest';
import { writeCell } from '../model/cells.js';
import type { AnnualReport, ExtractionFacts } from '../model/report.js';
import { sampleReport } from '../model/sample-report.js';
import { RULES } from './catalogue.js';
import { checkReport } from './check-report.js';
import type { CheckMode, RuleId } from './types.js';

const AD = '/activeDisclosure';
const A = '/applications';

const extraction = (facts: Partial<ExtractionFacts>): ExtractionFacts => ({
  asWritten: {},
  labels: {},
  detectedFormat: null,
  elementFormats: { activeDisclosure: null, otherHandling: null },
  item9TablePresent: false,
  unplacedRowValues: {},
  tableSections: {},
  ...facts,
});

const outcome = (report: AnnualReport, id: RuleId, mode: CheckMode = 'strict', previous: AnnualReport | null = null) =>
  checkReport(report, { mode, only: [id], previous }).outcomes[0];

type Change = (report: AnnualReport) => AnnualReport | void;
interface Case {
  id: RuleId;
  format: '2019' | '2021';
  /** Applied to the passing sample; omitted when the sample itself must pass. */
  passing?: Change;
  failing: Change;
}

const apply = (format: '2019' | '2021', change?: Change): AnnualReport => {
  const report = sampleReport(format);
  return (change?.(report) as AnnualReport | undefined) ?? report;
};
const set = (pointer: string, value: number | null): Change => (r) => writeCell(r, pointer, value);
const prose = (key: keyof AnnualReport['sections'], text: string): Change => (r) => void (r.sections[key] = text);

const CASES: Case[] = [
  { id: 'FMT-01', format: '2021', passing: (r) => void (r.extraction = extraction({ detectedFormat: '2021' })), failing: (r) => void (r.extraction = extraction({ detectedFormat: null })) },
  { id: 'FMT-02', format: '2021', failing: (r) => void (r.reportYear = 2020) },
  { id: 'FMT-03', format: '2021', failing: (r) => void (r.extraction = extraction({ detectedFormat: '2021', elementFormats: { activeDisclosure: '2021', otherHandling: '2019' } })) },
  { id: 'STR-01', format: '2021', failing: (r) => void (r.title = '海东市工业和信息化局2021年政府信息公开年度工作报告') },
  { id: 'STR-02', format: '2021', failing: (r) => void (r.headings = r.headings.filter((h) => h.section !== 'otherMatters')) },
  { id: 'STR-03', format: '2021', failing: (r) => void (r.headings = [r.headings[1], r.headings[0], ...r.headings.slice(2)]) },
  { id: 'STR-05', format: '2021', failing: (r) => void (r.sections.intro = r.sections.intro.replace('六个部分', '五个部分')) },
  { id: 'STR-06', format: '2021', failing: (r) => void (r.sections.intro = r.sections.intro.replace('收到和处理政府信息公开申请情况', '收到和处理政府信息情况')) },
  { id: 'STR-07', format: '2021', failing: prose('problemsAndImprovements', '无。') },
  {
    id: 'PER-01',
    format: '2021',
    failing: (r) => {
      r.sections.intro = '根据《中华人民共和国政府信息公开条例》编制本报告。';
      delete r.statisticsPeriod;
    },
  },
  { id: 'PER-02', format: '2021', failing: (r) => void (r.sections.intro = r.sections.intro.replace('12月31日', '12月28日')) },
  { id: 'PER-03', format: '2021', failing: (r) => void (r.signatureDate = '2021-12-30') },
  {
    id: 'PER-04',
    format: '2021',
    passing: (r) => {
      r.agency = { name: '海东市人民政府' };
      r.signatureDate = '2022-03-20';
    },
    failing: (r) => void (r.signatureDate = '2022-02-15'),
  },
  {
    id: 'NUM-01',
    format: '2021',
    failing: (r) => {
      writeCell(r, `${AD}/article20Item5/administrativeLicensing/decisionsThisYear`, null);
      r.extraction = extraction({ asWritten: { [`${AD}/article20Item5/administrativeLicensing/decisionsThisYear`]: '3（含撤销）' } });
    },
  },
  { id: 'NUM-02', format: '2021', failing: set(`${A}/carriedOverFromPreviousYear/naturalPerson`, 1.5) },
  { id: 'ACT19-01', format: '2019', failing: set(`${AD}/article20Item8/administrativeFees/changeThisYear`, null) },
  { id: 'ACT19-02', format: '2019', failing: set(`${AD}/article20Item1/normativeDocuments/totalPublished`, 1) },
  { id: 'ACT19-03', format: '2019', failing: set(`${AD}/article20Item6/administrativePunishment/changeThisYear`, -4) },
  {
    id: 'ACT19-04',
    format: '2019',
    failing: (r) => {
      writeCell(r, `${AD}/article20Item8/administrativeFees/changeThisYear`, null);
      r.extraction = extraction({ asWritten: { [`${AD}/article20Item8/administrativeFees/changeThisYear`]: '略有减少' } });
    },
  },
  {
    id: 'ACT19-05',
    format: '2019',
    passing: (r) => void (r.extraction = extraction({ asWritten: { [`${AD}/article20Item9/centralizedProcurement/totalAmountYuan`]: '150000元' } })),
    failing: (r) =>
      void (r.extraction = extraction({
        asWritten: { [`${AD}/article20Item9/centralizedProcurement/totalAmountYuan`]: '150000' },
        labels: { [`${AD}/article20Item9#totalAmountYuan`]: '采购总金额' },
      })),
  },
  { id: 'ACT21-01', format: '2021', failing: (r) => void (r.extraction = extraction({ detectedFormat: '2021', item9TablePresent: true })) },
  { id: 'ACT21-02', format: '2021', failing: set(`${AD}/article20Item1/normativeDocuments/currentlyValid`, 1) },
  { id: 'ACT21-03', format: '2021', failing: set(`${AD}/article20Item8/administrativeFees/amountTenThousandYuan`, -2) },
  { id: 'APP-01', format: '2021', failing: set(`${A}/results/denied/stateSecret/researchInstitution`, null) },
  { id: 'APP-02', format: '2021', failing: set(`${A}/carriedOverFromPreviousYear/total`, 1) },
  {
    id: 'APP-03',
    format: '2021',
    failing: (r) => {
      writeCell(r, `${A}/carriedForwardToNextYear/naturalPerson`, 1);
      writeCell(r, `${A}/carriedForwardToNextYear/total`, 1);
    },
  },
  { id: 'APP-04', format: '2021', failing: set(`${A}/results/otherHandling/other/total`, 2) },
  { id: 'APP-05', format: '2021', failing: (r) => void (r.extraction = extraction({ elementFormats: { activeDisclosure: '2021', otherHandling: '2019' } })) },
  { id: 'APP-06', format: '2021', failing: (r) => void (r.sections.overall = '全年收到政府信息公开申请7件。') },
  {
    id: 'APP-07',
    format: '2021',
    passing: (r) => void (r.applications.subtotals = { denied: { ...r.applications.results.denied.protectsThirdPartyRights } }),
    failing: (r) => void (r.applications.subtotals = { denied: { ...r.applications.results.denied.protectsThirdPartyRights, total: 3 } }),
  },
  { id: 'REV-01', format: '2021', failing: set('/reviewLitigation/litigationAfterReview/pending', null) },
  { id: 'REV-02', format: '2021', failing: set('/reviewLitigation/administrativeReview/total', 2) },
  { id: 'REV-03', format: '2021', failing: set('/reviewLitigation/litigationWithoutReview/corrected', 1) },
  { id: 'REV-04', format: '2021', failing: set('/reviewLitigation/litigationAfterReview/total', 1) },
  {
    id: 'LBL-01',
    format: '2019',
    passing: (r) => void (r.extraction = extraction({ labels: { [`${A}/results/denied/stateSecret`]: '1、 属于国家秘密', [`${AD}/article20Item9#totalAmountYuan`]: '采购总金额（元）' } })),
    failing: (r) => void (r.extraction = extraction({ labels: { [`${A}/results/denied/stateSecret`]: '1. 属于国际秘密' } })),
  },
  {
    id: 'LBL-02',
    format: '2021',
    passing: (r) => void (r.headings[3] = { section: 'reviewLitigation', text: '四、政府信息公开行政复议和行政诉讼情况' }),
    failing: (r) => void (r.headings[3] = { section: 'reviewLitigation', text: '四、政府信息公开行政复议、行政讼诉情况' }),
  },
  { id: 'TXT-01', format: '2021', failing: prose('overall', '认真贯彻落实《中华人民共和国政务信息公开条例》。') },
  { id: 'TXT-02', format: '2021', passing: prose('overall', '紧紧围绕中心工作，钉钉工作群，完成三项项目审查。'), failing: prose('overall', '进一步明确各各科室的的职责。') },
  { id: 'TXT-03', format: '2021', failing: prose('problemsAndImprovements', '一是公开内容有待丰富；三是队伍建设有待加强，下一步将持续改进。') },
  { id: 'TXT-04', format: '2021', failing: (r) => void (r.sections.intro = r.sections.intro.replace('0972-8613858', '0533-312068')) },
  { id: 'TXT-05', format: '2021', failing: prose('otherMatters', '无。') },
  { id: 'TXT-06', format: '2021', failing: prose('overall', '威海市工业和信息化局、海东市市工业和信息化局认真贯彻落实《条例》。') },
  { id: 'SEM-01', format: '2021', passing: (r) => void (r.agency = { name: '海东市人民政府' }), failing: set(`${AD}/article20Item1/regulations/issuedThisYear`, 1) },
  { id: 'SEM-02', format: '2021', passing: prose('overall', '本年度未发生行政诉讼案件。'), failing: prose('overall', '本单位无行政许可、行政强制等职权。') },
];

describe('rule catalogue', () => {
  it('holds every rule of RULES.md §1 once, with its severity', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(47);
    expect(Object.fromEntries(RULES.filter((r) => r.severity === 'warning').map((r) => [r.id, r.severity]))).toHaveProperty('TXT-06', 'warning');
    expect(RULES.find((r) => r.id === 'APP-03')?.severity).toBe('error');
  });

  it('has a passing and a failing case below for every rule', () => {
    const covered = new Set([...CASES.map((c) => c.id), 'XYR-01', 'XYR-02', 'XYR-03']);
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('passes the complete sample report of both formats on every rule', () => {
    for (const format of ['2019', '2021'] as const) {
      const check = checkReport(sampleReport(format));
      expect(check.outcomes.filter((o) => o.status === 'FAIL' || o.status === 'N/E').map((o) => o.ruleId)).toEqual([]);
      expect(check.publishable).toBe(true);
    }
  });
});

describe.each(CASES)('$id', ({ id, format, passing, failing }) => {
  it('passes a report that satisfies it', () => {
    expect(outcome(apply(format, passing), id).status).toBe('PASS');
  });

  it('fails a report that breaks it, with a Chinese finding carrying the rule id', () => {
    const result = outcome(apply(format, failing), id);
    expect(result.status).toBe('FAIL');
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings[0].ruleId).toBe(id);
    expect(result.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('findings name table, row, column, expected, actual and cells', () => {
  it('states the 勾稽关系 of a column as the issue describes it', () => {
    const report = apply('2021', CASES.find((c) => c.id === 'APP-03')!.failing);
    const [finding] = outcome(report, 'APP-03').findings;
    expect(finding).toMatchObject({
      message: '表三 自然人列：本年新收(3)+上年结转(0) ≠ 办理结果总计(3)+结转下年度(1)',
      table: '三、收到和处理政府信息公开申请情况',
      column: '自然人',
      expected: 4,
      actual: 3,
      severity: 'error',
    });
    expect(finding.cells).toContain('/applications/carriedForwardToNextYear/naturalPerson');
  });

  it('points a completeness finding at the blank cell', () => {
    const report = apply('2021', set(`${A}/results/denied/stateSecret/researchInstitution`, null));
    const [finding] = outcome(report, 'APP-01').findings;
    expect(finding).toMatchObject({ row: '1.属于国家秘密', column: '科研机构', cells: [`${A}/results/denied/stateSecret/researchInstitution`] });
  });
});

describe('evaluation modes', () => {
  const blankRow = (r: AnnualReport) => {
    for (const key of ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceInstitution', 'otherOrganization', 'total']) {
      writeCell(r, `${A}/carriedOverFromPreviousYear/${key}`, null);
    }
  };

  it('reports an arithmetic rule over blank cells as not evaluable in strict mode and evaluates it as zero when auditing', () => {
    const report = apply('2021', blankRow);
    expect(outcome(report, 'APP-03', 'strict').status).toBe('N/E');
    expect(outcome(report, 'APP-03', 'strict').notes.length).toBe(7);
    expect(outcome(report, 'APP-03', 'blank-as-zero').status).toBe('PASS');
    const onlyBlank = apply('2021', (r) => void writeCell(r, '/reviewLitigation/litigationAfterReview/total', null));
    expect(outcome(onlyBlank, 'REV-04', 'strict').status).toBe('N/E');
    expect(outcome(onlyBlank, 'REV-04', 'blank-as-zero').status).toBe('PASS');
  });

  it('still fails completeness when auditing, downgraded to a warning that does not block', () => {
    const report = apply('2021', blankRow);
    expect(outcome(report, 'APP-01', 'strict')).toMatchObject({ status: 'FAIL', severity: 'error' });
    expect(outcome(report, 'APP-01', 'blank-as-zero')).toMatchObject({ status: 'FAIL', severity: 'warning' });
    expect(checkReport(report, { mode: 'blank-as-zero' }).publishable).toBe(true);
    expect(checkReport(report, { mode: 'strict' }).publishable).toBe(false);
  });

  it('never treats annotated (invalid) text as zero, even when auditing', () => {
    const report = apply('2021', (r) => {
      writeCell(r, '/reviewLitigation/administrativeReview/upheld', null);
      r.extraction = extraction({ asWritten: { '/reviewLitigation/administrativeReview/upheld': '1（已撤回）' } });
    });
    expect(outcome(report, 'REV-02', 'blank-as-zero').status).toBe('N/E');
  });
});

describe('ACT19-04 notation notice', () => {
  it('passes 增/减 notation with an info notice', () => {
    const report = apply('2019', (r) => void (r.extraction = extraction({ asWritten: { [`${AD}/article20Item5/administrativeLicensing/changeThisYear`]: '增 2' } })));
    const result = outcome(report, 'ACT19-04');
    expect(result.status).toBe('PASS');
    expect(result.findings.map((f) => f.severity)).toEqual(['info']);
  });
});

describe('cross-year rules', () => {
  const previous2019 = () => sampleReport('2019', 2019);
  const current2020 = () => {
    const r = sampleReport('2019', 2020);
    writeCell(r, `${AD}/article20Item5/administrativeLicensing/previousYearCount`, 12);
    writeCell(r, `${AD}/article20Item6/administrativePunishment/previousYearCount`, 2);
    return r;
  };

  it('XYR-01 passes when 上一年项目数量 continues last year and fails when it does not', () => {
    expect(outcome(current2020(), 'XYR-01', 'strict', previous2019()).status).toBe('PASS');
    const broken = current2020();
    writeCell(broken, `${AD}/article20Item5/administrativeLicensing/previousYearCount`, 10);
    const result = outcome(broken, 'XYR-01', 'strict', previous2019());
    expect(result.status).toBe('FAIL');
    expect(result.findings[0]).toMatchObject({ expected: 12, actual: 10 });
  });

  it('XYR-02 passes when 现行有效件数 follows 制发 and 废止 and fails otherwise', () => {
    const previous = sampleReport('2021', 2021);
    const current = sampleReport('2021', 2022);
    writeCell(current, `${AD}/article20Item1/normativeDocuments/currentlyValid`, 11);
    expect(outcome(current, 'XYR-02', 'strict', previous).status).toBe('PASS');
    writeCell(current, `${AD}/article20Item1/normativeDocuments/currentlyValid`, 10);
    expect(outcome(current, 'XYR-02', 'strict', previous).status).toBe('FAIL');
  });

  it('XYR-03 passes when 上年结转 equals last year’s 结转下年度 and fails otherwise', () => {
    const previous = sampleReport('2021', 2021);
    const current = sampleReport('2021', 2022);
    expect(outcome(current, 'XYR-03', 'strict', previous).status).toBe('PASS');
    writeCell(previous, `${A}/carriedForwardToNextYear/naturalPerson`, 2);
    expect(outcome(current, 'XYR-03', 'strict', previous).status).toBe('FAIL');
  });

  it('does not apply without the previous year’s report', () => {
    expect(outcome(current2020(), 'XYR-01').status).toBe('N/A');
    const twoYearsBack = previous2019();
    twoYearsBack.reportYear = 2018;
    expect(outcome(current2020(), 'XYR-03', 'strict', twoYearsBack).status).toBe('N/A');
  });
});
