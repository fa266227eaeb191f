import { checkReport, importReportText, readCell, sampleReport } from '@sanshen/annual-report';
import type { ActiveDisclosure2021 } from '@sanshen/annual-report';
import { describe, expect, it } from 'vitest';
import { changedCells, contentToReport, newAnnualReportContent, reportToContent, reviseAnnualReportContent, unresolvedCells } from './annual-report-content.js';
import { refusal } from '../../../../test/support/domain-error.js';

const AGENCY = '海东市工业和信息化局';

describe('newAnnualReportContent', () => {
  it('starts a 2025 report in the 2021 format with six headings and every cell blank', () => {
    const { content, prefilled } = newAnnualReportContent(AGENCY, 2025, null);
    expect(content).toMatchObject({ format: '2021', year: 2025, title: `${AGENCY}2025年政府信息公开工作年度报告` });
    expect(content.headings.map((h) => h.text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(content.tables.applications.newReceived.naturalPerson).toBeNull();
    expect(content.tables.reviewLitigation.administrativeReview.total).toBeNull();
    expect(prefilled).toEqual([]);
  });

  it('uses the 2019 format for 2019 and 2020', () => {
    expect(newAnnualReportContent(AGENCY, 2019, null).content.format).toBe('2019');
    expect(newAnnualReportContent(AGENCY, 2020, null).content.format).toBe('2019');
    expect(newAnnualReportContent(AGENCY, 2021, null).content.format).toBe('2021');
  });

  it('refuses a year before 2019 with a clear message', () => {
    const error = refusal(() => newAnnualReportContent(AGENCY, 2018, null));
    expect(error.code).toBe('ANNUAL_REPORT.YEAR_UNSUPPORTED');
    expect(error.message).toContain('2018');
  });

  it('prefills 上年结转 from last year’s 结转下年度', () => {
    const previous = sampleReport('2021', 2024);
    previous.applications.carriedForwardToNextYear.naturalPerson = 4;
    const { content, prefilled } = newAnnualReportContent(AGENCY, 2025, previous);
    expect(content.tables.applications.carriedOverFromPreviousYear.naturalPerson).toBe(4);
    expect(prefilled).toContain('/applications/carriedOverFromPreviousYear/naturalPerson');
  });
});

describe('content ↔ report', () => {
  it('round-trips a report through the stored content', () => {
    const report = sampleReport('2019');
    const content = reportToContent(report);
    expect(content.year).toBe(report.reportYear);
    expect(content.tables.applications).toEqual(report.applications);
    expect(contentToReport(content)).toEqual(report);
  });
});

describe('reviseAnnualReportContent', () => {
  const base = newAnnualReportContent(AGENCY, 2025, null).content;

  it('writes cells by pointer and by nested tables, and sections by key, without touching the original', () => {
    const next = reviseAnnualReportContent(base, {
      cells: { '/applications/newReceived/naturalPerson': 3, '/activeDisclosure/article20Item8/administrativeFees/amountTenThousandYuan': 1.5 },
      tables: { reviewLitigation: { administrativeReview: { total: 0 } } },
      sections: { overall: '2025年，我局……' },
      signatureDate: '2026-01-20',
    });
    expect(next.tables.applications.newReceived.naturalPerson).toBe(3);
    expect((next.tables.activeDisclosure as ActiveDisclosure2021).article20Item8.administrativeFees.amountTenThousandYuan).toBe(1.5);
    expect(next.tables.reviewLitigation.administrativeReview.total).toBe(0);
    expect(next.sections.overall).toBe('2025年，我局……');
    expect(next.signatureDate).toBe('2026-01-20');
    expect(base.tables.applications.newReceived.naturalPerson).toBeNull();
    expect(base.sections.overall).toBe('');
  });

  it('blanks a cell with null', () => {
    const filled = reviseAnnualReportContent(base, { cells: { '/applications/newReceived/total': 7 } });
    expect(reviseAnnualReportContent(filled, { cells: { '/applications/newReceived/total': null } }).tables.applications.newReceived.total).toBeNull();
  });

  it.each([
    [{ cells: { '/applications/newReceived/nobody': 1 } }, '/applications/newReceived/nobody'],
    [{ cells: { '/applications/newReceived/naturalPerson': -1 } }, '/applications/newReceived/naturalPerson'],
    [{ cells: { '/applications/newReceived/naturalPerson': 1.5 } }, '/applications/newReceived/naturalPerson'],
    [{ cells: { '/applications/newReceived/naturalPerson': '3' } }, '/applications/newReceived/naturalPerson'],
    [{ tables: { activeDisclosure: { article20Item9: { centralizedProcurement: { projectCount: 1 } } } } }, '/activeDisclosure/article20Item9/centralizedProcurement/projectCount'],
    [{ sections: { preface: 'x' } }, 'sections.preface'],
    [{ sections: { overall: 3 } }, 'sections.overall'],
    [{ format: '2019' }, 'format'],
    [{ signatureDate: '2026/01/20' }, 'signatureDate'],
  ])('refuses %j, naming %s', (patch, field) => {
    const error = refusal(() => reviseAnnualReportContent(base, patch));
    expect(error.code).toBe('REQUEST.INVALID');
    expect(error.details).toEqual({ field });
  });

  it.each([
    ['/applications/newReceived/naturalPerson', 1e12, 999_999_999],
    ['/applications/newReceived/naturalPerson', 1_000_000_000, 999_999_999],
    ['/applications/newReceived/total', Number.MAX_SAFE_INTEGER, 999_999_999],
  ])('refuses %s = %d, beyond the cell range, with 422 naming the cell', (pointer, value, max) => {
    const error = refusal(() => reviseAnnualReportContent(base, { cells: { [pointer]: value } }));
    expect(error.code).toBe('REQUEST.NUMBER_OUT_OF_RANGE');
    expect(error.kind).toBe('unprocessable');
    expect(error.details).toEqual({ field: pointer, min: 0, max });
  });

  it('accepts the largest count a cell may hold', () => {
    const next = reviseAnnualReportContent(base, { cells: { '/applications/newReceived/naturalPerson': 999_999_999 } });
    expect(next.tables.applications.newReceived.naturalPerson).toBe(999_999_999);
  });

  it('refuses a section holding NUL or a bidi override, keeps line breaks, and stores NFC', () => {
    for (const [text, violation] of [['正文\u0000', 'control'], ['正文\u202e反向', 'bidi_control'], ['\ud800', 'lone_surrogate']] as const) {
      const error = refusal(() => reviseAnnualReportContent(base, { sections: { overall: text } }));
      expect(error.code).toBe('REQUEST.TEXT_INVALID');
      expect(error.details).toMatchObject({ field: 'sections.overall', violation });
    }
    const next = reviseAnnualReportContent(base, { sections: { overall: '第一段\n\t第二段 Cafe\u0301' } });
    expect(next.sections.overall).toBe('第一段\n\t第二段 Caf\u00e9');
  });

  it('accepts a negative 本年增/减 in the 2019 format', () => {
    const report2019 = newAnnualReportContent(AGENCY, 2020, null).content;
    const next = reviseAnnualReportContent(report2019, {
      cells: { '/activeDisclosure/article20Item5/administrativeLicensing/changeThisYear': -3 },
    });
    expect(readCell(contentToReport(next), '/activeDisclosure/article20Item5/administrativeLicensing/changeThisYear')).toBe(-3);
  });

  it('drops the as-written text of an imported cell once the drafter edits it', () => {
    const imported = importReportText(
      ['海东市某局2021年政府信息公开工作年度报告', '一、总体情况', '正文。'].join('\n'),
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const content = reportToContent(imported.value.report);
    content.extraction = { ...content.extraction!, asWritten: { '/applications/newReceived/total': '7（含转办）' } };
    const next = reviseAnnualReportContent(content, { cells: { '/applications/newReceived/total': 7 } });
    expect(next.extraction?.asWritten).toEqual({});
  });

  it('keeps an imported ambiguity, blank and listed with its candidates, until a PATCH writes the cell', () => {
    const text = ['海东市某局2021年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '一、本年新收政府信息公开申请数量 230020025'].join('\n');
    const imported = importReportText(text);
    if (!imported.ok) throw new Error(imported.error.message);
    const content = reportToContent(imported.value.report);
    const pointer = '/applications/newReceived/naturalPerson';
    expect(unresolvedCells(content).find((c) => c.pointer === pointer)).toMatchObject({ table: '表三', column: '自然人', candidates: expect.arrayContaining([23, 2]) });
    expect(readCell(contentToReport(content), pointer)).toBeNull();
    const cells = Object.fromEntries(unresolvedCells(content).map((c) => [c.pointer, c.candidates[0]]));
    const next = reviseAnnualReportContent(content, { cells });
    expect(unresolvedCells(next)).toEqual([]);
    expect(unresolvedCells(content).length).toBeGreaterThan(0);
  });

  it('makes a report whose rule findings name the edited cell', () => {
    const next = reviseAnnualReportContent(reportToContent(sampleReport('2021')), {
      cells: { '/applications/newReceived/naturalPerson': 999 },
    });
    const check = checkReport(contentToReport(next));
    const naming = check.findings.filter((f) => f.severity === 'error' && f.cells.includes('/applications/newReceived/naturalPerson'));
    expect(naming.map((f) => f.column)).toContain('自然人');
    expect(naming.every((f) => f.table !== null && f.expected !== null && f.actual !== null)).toBe(true);
  });
});

describe('changedCells', () => {
  it('lists exactly the cells that differ, with Chinese labels', () => {
    const a = reportToContent(sampleReport('2021'));
    const b = reviseAnnualReportContent(a, { cells: { '/reviewLitigation/administrativeReview/upheld': 9 } });
    expect(changedCells(a, b)).toEqual([
      {
        pointer: '/reviewLitigation/administrativeReview/upheld',
        table: '表四',
        row: expect.any(String),
        column: expect.stringContaining('维持'),
        from: a.tables.reviewLitigation.administrativeReview.upheld,
        to: 9,
      },
    ]);
    expect(changedCells(a, a)).toEqual([]);
  });
});
