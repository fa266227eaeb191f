import { describe, expect, it } from 'vitest';
import { writeCell } from '../model/cells.js';
import type { AnnualReport } from '../model/report.js';
import { sampleReport } from '../model/sample-report.js';
import { importReportHtml } from '../import/import-html.js';
import { checkReport } from '../rules/check-report.js';
import { renderReportFragment, renderReportHtml } from './render-html.js';
import { toReportJson } from './report-json.js';

const withoutExtraction = (report: AnnualReport): AnnualReport => {
  const copy = structuredClone(report);
  delete copy.extraction;
  return copy;
};

function roundTrip(report: AnnualReport) {
  const result = importReportHtml(renderReportHtml(report));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(sampleReport('2021'));

  it('is a zh-CN page with a print stylesheet', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('@media print');
    expect(html).toContain('<h1>海东市工业和信息化局2021年政府信息公开工作年度报告</h1>');
  });

  it('merges the applications header and row groups as the national table does', () => {
    expect(html).toContain('<th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(html).toContain('<th colspan="5" scope="colgroup">法人或其他组织</th>');
    expect(html).toContain('<th rowspan="22" scope="rowgroup">三、本年度办理结果</th>');
    expect(html).toContain('<th rowspan="8" scope="rowgroup">（三）不予公开</th><th scope="row">1.属于国家秘密</th>');
    expect(html).toContain('<th rowspan="3" scope="rowgroup">（六）其他处理</th>');
    expect(html).toContain('<th colspan="3" scope="row">四、结转下年度继续办理</th>');
    expect(html).toContain('<th colspan="10" scope="colgroup">行政诉讼</th>');
  });

  it('keeps the single （六） row of the 2019 format with a 20-row results group', () => {
    const html2019 = renderReportHtml(sampleReport('2019'));
    expect(html2019).toContain('<th rowspan="20" scope="rowgroup">三、本年度办理结果</th>');
    expect(html2019).toContain('<th colspan="2" scope="row">（六）其他处理</th>');
    expect(html2019).toContain('<caption>第二十条第（九）项</caption>');
  });

  it('escapes every piece of text', () => {
    const report = sampleReport('2021');
    report.title = '<script>alert(1)</script>年度报告';
    report.sections.overall = '甲&乙 "引号" <b>加粗</b>';
    const page = renderReportHtml(report);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('甲&amp;乙 &quot;引号&quot; &lt;b&gt;加粗&lt;/b&gt;');
  });
});

describe('round trip render → import', () => {
  it.each(['2019', '2021'] as const)('gives back the same %s-format model', (format) => {
    const report = sampleReport(format);
    report.publicationDate = `${report.reportYear + 1}-01-12`;
    const { report: back, unplaced } = roundTrip(report);
    expect(unplaced).toEqual([]);
    expect(withoutExtraction(back)).toEqual(report);
  });

  it('keeps blank cells blank rather than zero', () => {
    const report = sampleReport('2021');
    writeCell(report, '/applications/newReceived/naturalPerson', null);
    writeCell(report, '/applications/carriedForwardToNextYear/total', null);
    writeCell(report, '/reviewLitigation/administrativeReview/upheld', null);
    writeCell(report, '/activeDisclosure/article20Item1/regulations/issuedThisYear', null);
    const { report: back } = roundTrip(report);
    expect(withoutExtraction(back)).toEqual(report);
  });

  it('gives a re-imported report the same rule outcomes and canonical labels', () => {
    const { report: back } = roundTrip(sampleReport('2021'));
    expect(checkReport(back).errors).toEqual([]);
    expect(checkReport(back).outcomes.find((o) => o.ruleId === 'LBL-01')?.status).toBe('PASS');
  });
});

describe('renderReportFragment', () => {
  it.each(['2019', '2021'] as const)('is the page body without title and stylesheet, and reads back to the same tables (%s)', (format) => {
    const report = sampleReport(format);
    writeCell(report, '/applications/newReceived/naturalPerson', null);
    const fragment = renderReportFragment(report);
    expect(fragment.startsWith('<article')).toBe(true);
    expect(fragment).not.toMatch(/<h1|<style|<html/);
    expect(renderReportHtml(report)).toContain(fragment.split('\n').slice(1, -1).join('\n'));
    const back = importReportHtml(`<h1>${report.title}</h1>\n${fragment}`);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.report.applications).toEqual(report.applications);
    expect(back.value.report.activeDisclosure).toEqual(report.activeDisclosure);
    expect(back.value.report.reviewLitigation).toEqual(report.reviewLitigation);
  });
});

describe('toReportJson', () => {
  it('keys cells as the schema does and keeps blanks null', () => {
    const report = sampleReport('2021');
    writeCell(report, '/applications/newReceived/naturalPerson', null);
    const json = toReportJson(report) as { applications: { newReceived: { naturalPerson: unknown; total: unknown } }; source?: unknown };
    expect(json.applications.newReceived).toMatchObject({ naturalPerson: null, total: 5 });
    expect(json.source).toBeUndefined();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('fills blanks with zero and lists them when asked for blank-as-zero', () => {
    const report = sampleReport('2019');
    writeCell(report, '/reviewLitigation/administrativeReview/upheld', null);
    const json = toReportJson(report, { blankAsZero: true }) as { reviewLitigation: { administrativeReview: { upheld: unknown } }; source: { blankCells: string[] } };
    expect(json.reviewLitigation.administrativeReview.upheld).toBe(0);
    expect(json.source.blankCells).toEqual(['/reviewLitigation/administrativeReview/upheld']);
    expect(report.reviewLitigation.administrativeReview.upheld).toBeNull();
  });
});
