import { findStatedPeriod } from '../text/period.js';
import type { AgencyKind } from '../model/report.js';
import type { FindingDraft, Rule } from './types.js';
import { fail, notApplicable, pass, textFinding } from './verdict.js';

export const PER_01: Rule = {
  id: 'PER-01',
  severity: 'warning',
  title: '写明统计期限',
  check({ prose, report }) {
    if (findStatedPeriod(`${prose.intro}\n${prose.overall}`) !== null) return pass();
    if (report.extraction === undefined && report.statisticsPeriod !== undefined) return pass(['统计期限取自报告的结构化字段']);
    return fail([textFinding('报告未写明统计期限（如“本报告中所列数据的统计期限自…至…”）', '统计期限', null)]);
  },
};

export const PER_02: Rule = {
  id: 'PER-02',
  severity: 'error',
  title: '统计期限为报告年度1月1日至12月31日',
  check({ prose, report }) {
    const stated = findStatedPeriod(`${prose.intro}\n${prose.overall}`);
    const period = stated ?? report.statisticsPeriod ?? null;
    if (period === null) return notApplicable('未写明统计期限');
    const expected = { start: `${report.reportYear}-01-01`, end: `${report.reportYear}-12-31` };
    const findings: FindingDraft[] = [];
    if (period.start !== expected.start) {
      findings.push(textFinding(`统计期限起始日为${period.start}，应为${expected.start}`, expected.start, period.start));
    }
    if (period.end !== expected.end) {
      findings.push(textFinding(`统计期限截止日为${period.end}，应为${expected.end}`, expected.end, period.end));
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

const YEAR_STATEMENT = /(?:^|[。；\n])\s*(\d{4})\s*年度?\s*[，,]\s*(?:我|本)/g;

export const PER_03: Rule = {
  id: 'PER-03',
  severity: 'error',
  title: '标题、统计期限、正文年度一致，落款日期在次年或以后',
  check({ report, prose }) {
    const year = report.reportYear;
    const findings: FindingDraft[] = [];
    const titleYear = /(\d{4})\s*年/.exec(report.title)?.[1];
    if (titleYear !== undefined && Number(titleYear) !== year) {
      findings.push(textFinding(`标题年度${titleYear}与报告年度${year}不一致`, year, Number(titleYear)));
    }
    const period = findStatedPeriod(`${prose.intro}\n${prose.overall}`);
    if (period !== null && Number(period.start.slice(0, 4)) !== year) {
      findings.push(textFinding(`统计期限年度${period.start.slice(0, 4)}与报告年度${year}不一致`, year, Number(period.start.slice(0, 4))));
    }
    for (const match of `${prose.intro}\n${prose.overall}`.matchAll(YEAR_STATEMENT)) {
      if (Number(match[1]) !== year) {
        findings.push(textFinding(`正文“${match[0].trim()}…”所述年度与报告年度${year}不一致`, year, Number(match[1])));
      }
    }
    const dates: [string, string | undefined][] = [
      ['落款日期', report.signatureDate],
      ['印发（发布）日期', report.publicationDate],
    ];
    for (const [name, date] of dates) {
      if (date !== undefined && date < `${year + 1}-01-01`) {
        findings.push(textFinding(`${name}${date}早于报告年度的次年`, `${year + 1}-01-01或以后`, date));
      }
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

/** 人民政府 and 管委会 report on their level by 03-31; everyone else by 01-31 (条例 第四十九条). */
export function inferAgencyKind(name: string): AgencyKind {
  if (/人民政府(?:办公厅|办公室)$/.test(name)) return 'governmentOffice';
  if (/人民政府$|管委会$|管理委员会$/.test(name)) return 'peoplesGovernment';
  return 'department';
}

export const PER_04: Rule = {
  id: 'PER-04',
  severity: 'warning',
  title: '按条例第四十九条的期限公布（部门1月31日、本级政府3月31日前）',
  check({ report }) {
    const date = report.publicationDate ?? report.signatureDate;
    if (date === undefined) return notApplicable('报告未写明落款或印发日期');
    const kind = report.agency.kind ?? inferAgencyKind(report.agency.name);
    const deadline = `${report.reportYear + 1}-${kind === 'peoplesGovernment' ? '03-31' : '01-31'}`;
    if (date <= deadline) return pass();
    return fail([textFinding(`报告日期${date}晚于法定期限${deadline}`, deadline, date)]);
  },
};
