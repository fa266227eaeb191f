import { describe, expect, it } from 'vitest';
import { readCell } from '../model/cells.js';
import { checkReport } from '../rules/check-report.js';
import { parseCellText } from '../text/cell-text.js';
import { renderReportHtml } from '../render/render-html.js';
import { importReportText } from './import-report.js';
import { applicationsTable } from '../model/grid.js';
import { readingsOf, sumCheck } from './placements.js';
import { reflowLine } from './reflow.js';

describe('parseCellText', () => {
  it.each([
    ['3,119', 'count', 3119],
    ['１２', 'count', 12],
    ['增 114', 'signed', 114],
    ['减少57', 'signed', -57],
    ['－8', 'signed', -8],
    ['367.98万元', 'moneyYuan', 3679800],
    ['19.7469 亿元', 'moneyYuan', 1974690000],
  ] as const)('reads %s as %s %d', (text, kind, value) => {
    expect(parseCellText(text, kind)).toMatchObject({ state: 'number', value });
  });

  it('treats 空、—、/、无 as blank and annotations as invalid', () => {
    expect(['', '—', '/', '无', '-'].map((t) => parseCellText(t, 'count').state)).toEqual(['blank', 'blank', 'blank', 'blank', 'blank']);
    expect(parseCellText('1659（海东市）', 'count')).toMatchObject({ state: 'invalid', value: null });
  });

  it('converts money with the header unit when the cell has none', () => {
    expect(parseCellText('785901.37', 'moneyYuan', '元').value).toBe(785901.37);
    expect(parseCellText('1.5', 'moneyYuan', '万元').value).toBe(15000);
    expect(parseCellText('5000元', 'moneyTenThousandYuan').value).toBe(0.5);
  });
});

describe('readingsOf (a row of seven cells under c1+…+c6 = c7)', () => {
  const seven = sumCheck([{ items: [0, 1, 2, 3, 4, 5], total: 6 }]);
  const group = (tokens: string[], gaps: number[] | null = null) => ({ tokens, gaps, positional: false, line: 1, text: tokens.join(' ') });

  it('cuts a run-together row when only one split balances', () => {
    expect(readingsOf(group(['120030015']), 7, seven)?.candidates).toEqual([['12', '0', '0', '3', '0', '0', '15']]);
    expect(readingsOf(group(['170000017']), 7, seven)?.candidates).toEqual([['17', '0', '0', '0', '0', '0', '17']]);
  });

  it('keeps every balancing split of an ambiguous row so the caller can refuse to guess', () => {
    const candidates = readingsOf(group(['230020025']), 7, seven)?.candidates ?? [];
    expect(candidates).toEqual(expect.arrayContaining([['23', '0', '0', '2', '0', '0', '25'], ['2', '3', '0', '0', '20', '0', '25']]));
  });

  it('cuts runs with a sign or decimals: a sign starts a cell, decimals and a unit end one', () => {
    const three = (tokens: string[]) => readingsOf(group(tokens), 3, null)?.candidates ?? [];
    expect(three(['2648-18538'])).toEqual(expect.arrayContaining([['2648', '-18', '538'], ['2648', '-185', '38']]));
    expect(three(['2648-18538']).every((cells) => cells[1].startsWith('-') || cells[2].startsWith('-') || cells.includes(''))).toBe(true);
    const two = readingsOf(group(['13575394432.52元']), 2, null)?.candidates ?? [];
    expect(two).toEqual(expect.arrayContaining([['135', '75394432.52元'], ['', '13575394432.52元']]));
  });

  it('spreads values whose empty cells left no token, by the total and by the spacing', () => {
    // "37 5   2 44": 44 is the total (the only balancing place); one space between neighbours, two more
    // for the two lost cells between 5 and 2, so 37 cannot start the row.
    expect(readingsOf(group(['37', '5', '2', '44'], [1, 3, 1]), 7, seven)?.candidates).toEqual([['', '37', '5', '', '', '2', '44']]);
    // Without spacing the three values may sit in any three of the first six columns: C(6,3).
    expect(readingsOf(group(['37', '5', '2', '44']), 7, seven)?.candidates).toHaveLength(20);
  });
});

const HEAD = `海东市教育局
2021 年政府信息公开工作年度报告
一、总体情况
2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t1\t0\t5
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t0
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t0
行政强制\t0
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t0
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
自然人\t法人或其他组织\t总计
商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
一、本年新收政府信息公开申请数量 120030015
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果\t（一）予以公开\t12\t0\t0\t3\t0\t0\t15
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 230020025
`;

describe('importReportText', () => {
  it('splits a uniquely balanced run-together row and returns an ambiguous one with every candidate instead of guessing', () => {
    const result = importReportText(HEAD);
    if (!result.ok) throw new Error(result.error.message);
    const { report, ambiguous } = result.value;
    expect(readCell(report, '/applications/newReceived/naturalPerson')).toBe(12);
    expect(readCell(report, '/applications/newReceived/total')).toBe(15);
    expect(readCell(report, '/applications/results/granted/researchInstitution')).toBe(0);
    // Every balancing split ends in 25: the total is settled even though its columns are not.
    expect(readCell(report, '/applications/results/partiallyGranted/total')).toBe(25);
    // 23|0|0|2|0|0|25 and 2|3|0|0|20|0|25 (…) all balance: the cells they disagree on stay blank, with candidates.
    const partial = ambiguous.filter((a) => a.pointer.startsWith('/applications/results/partiallyGranted/'));
    expect(partial.map((a) => a.line)).toEqual(partial.map(() => 27));
    expect(partial.find((a) => a.pointer.endsWith('/naturalPerson'))?.candidates).toEqual(expect.arrayContaining([23, 2]));
    expect(readCell(report, '/applications/results/partiallyGranted/naturalPerson')).toBeNull();
    expect(report.extraction?.ambiguousCells?.['/applications/results/partiallyGranted/naturalPerson']).toEqual(expect.arrayContaining([23, 2]));
    // The rendering marks the cell and names its candidates; rules read it as unread, not as blank or 0.
    expect(renderReportHtml(report)).toMatch(/<td class="ambiguous" data-candidates="[^"]*23[^"]*" title="导入时无法确定：[^"]*23/);
    const app01 = checkReport(report, { only: ['APP-01'] }).findings.flatMap((f) => f.cells);
    expect(app01).not.toContain('/applications/results/partiallyGranted/naturalPerson');
  });

  it('settles a run-together row by the column identities, but only in a table whose settled rows balance', () => {
    const table = (newRow: string) =>
      [
        '某局2021年政府信息公开工作年度报告',
        '三、收到和处理政府信息公开申请情况',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        `一、本年新收政府信息公开申请数量 ${newRow}`,
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '（一）予以公开 0 0 0 0 0 0 0',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 230020025',
        '（七）总计 23 0 0 2 0 0 25',
        '四、结转下年度继续办理 0 0 0 0 0 0 0',
      ].join('\n');
    const pointer = '/applications/results/partiallyGranted/naturalPerson';
    const balanced = importReportText(table('23 0 0 2 0 0 25'));
    if (!balanced.ok) throw new Error(balanced.error.message);
    expect(readCell(balanced.value.report, pointer)).toBe(23);
    expect(balanced.value.ambiguous).toEqual([]);
    // 一+二 ≠ 三+四 already: the identities are not evidence here, the split stays open.
    const unbalanced = importReportText(table('5 0 0 0 0 0 5'));
    if (!unbalanced.ok) throw new Error(unbalanced.error.message);
    expect(readCell(unbalanced.value.report, pointer)).toBeNull();
    expect(unbalanced.value.ambiguous.find((a) => a.pointer === pointer)?.candidates).toEqual(expect.arrayContaining([23, 2]));
  });

  it('detects a hybrid: 2021 主动公开 tables with a single （六） row', () => {
    const result = importReportText(`${HEAD}（六）其他处理 0 0 0 0 0 0 0\n（七）总计 0 0 0 0 0 0 0\n`);
    if (!result.ok) throw new Error(result.error.message);
    const { report } = result.value;
    expect(report.format).toBe('2021');
    expect(report.extraction?.elementFormats).toEqual({ activeDisclosure: '2021', otherHandling: '2019' });
    const statuses = checkReport(report, { only: ['FMT-03', 'APP-05'] }).outcomes.map((o) => o.status);
    expect(statuses).toEqual(['FAIL', 'FAIL']);
  });

  it('leaves a 主动公开 row with run-together cells blank and returns its cells with every split', () => {
    const text = HEAD.replace('行政规范性文件\t1\t0\t5', '行政规范性文件4545901');
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.error.message);
    const pointer = '/activeDisclosure/article20Item1/normativeDocuments/currentlyValid';
    expect(readCell(result.value.report, pointer)).toBeNull();
    const cell = result.value.ambiguous.find((a) => a.pointer === pointer);
    expect(cell).toMatchObject({ line: 9 });
    // 4|5|45901, 45|45|901, 454|5|901 … : no identity ties these columns together.
    expect(cell?.candidates).toEqual(expect.arrayContaining([45901, 901, 1]));
  });

  it('narrows two ambiguous rows of one column identity together', () => {
    // 予以公开 "220000022" (22|0|… or 2|20|…) and 部分公开 "191000020" (19|1|… or 1|9|10|…) each balance
    // alone and neither is settled, so neither can be narrowed on its own; together only 22 + 19 and
    // 0 + 1 fit （七）总计 41 | 1.
    const values: Record<string, string> = { new: '41 1 0 0 0 0 42', granted: '220000022', partial: '191000020', total: '41 1 0 0 0 0 42' };
    const rows = applicationsTable('2021').rows.map((row) => `${row.label} ${values[row.id] ?? '0 0 0 0 0 0 0'}`);
    const text = `${HEAD.slice(0, HEAD.indexOf('一、本年新收'))}${rows.join('\n')}\n`;
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.error.message);
    const { report, ambiguous } = result.value;
    expect(ambiguous.filter((a) => a.pointer.startsWith('/applications/'))).toEqual([]);
    expect(readCell(report, '/applications/results/granted/naturalPerson')).toBe(22);
    expect(readCell(report, '/applications/results/granted/commercialEnterprise')).toBe(0);
    expect(readCell(report, '/applications/results/partiallyGranted/naturalPerson')).toBe(19);
    expect(readCell(report, '/applications/results/partiallyGranted/commercialEnterprise')).toBe(1);
  });

  it('breaks a report whose line breaks were lost at its headings and labels', () => {
    const lines = HEAD.split('\n').map((line) => line.replace(/\t/g, ''));
    const oneLine = lines.join('');
    const reflowed = reflowLine(oneLine);
    expect(reflowed).toEqual(expect.arrayContaining(['二、主动公开政府信息情况', '第二十条第（一）项', '规章000', '一、本年新收政府信息公开申请数量 120030015']));
    // An ordinary line, even a long one, is left as it is.
    const prose = '2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'.repeat(10);
    expect(reflowLine(prose)).toEqual([prose]);
    // Nor is an opening sentence that lists the six parts by their headings.
    const parts = `本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。${prose}`;
    expect(reflowLine(parts)).toEqual([parts]);
    // Only the tables run into one line (headings and prose keep theirs).
    const tablesJoined = lines.map((line) => (/^[一二三四五六]、(?:总体|主动|收到)/.test(line) ? `\n${line}\n` : line)).join('');
    const joined = importReportText(tablesJoined);
    if (!joined.ok) throw new Error(joined.error.message);
    // 行政规范性文件 "105" (1 | 0 | 5 run together): no identity splits it, so 5 is a candidate, not a guess.
    expect(joined.value.report.extraction?.ambiguousCells?.['/activeDisclosure/article20Item1/normativeDocuments/currentlyValid']).toContain(5);
    expect(readCell(joined.value.report, '/activeDisclosure/article20Item5/administrativeLicensing/decisionsThisYear')).toBe(0);
    expect(readCell(joined.value.report, '/applications/newReceived/naturalPerson')).toBe(12);
    // Its own opening may list the parts by their headings: the headings are the last ones in order.
    for (const text of [oneLine, oneLine.replace('一、总体情况', `${parts}一、总体情况`)]) {
      const result = importReportText(text);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.report.reportYear).toBe(2021);
      expect(result.value.report.headings.map((h) => h.section)).toEqual(['overall', 'activeDisclosure', 'applications']);
      expect(readCell(result.value.report, '/applications/newReceived/naturalPerson')).toBe(12);
    }
  });

  it('refuses a report of the pre-2019 layout and a text without a report year', () => {
    const old = importReportText('海东市教育局\n2018 年政府信息公开工作年度报告\n一、概述\n');
    expect(old.ok ? null : old.error.code).toBe('ANNUAL_REPORT.YEAR_UNSUPPORTED');
    const none = importReportText('一份没有标题的文本');
    expect(none.ok ? null : none.error.code).toBe('ANNUAL_REPORT.YEAR_NOT_FOUND');
  });
});
