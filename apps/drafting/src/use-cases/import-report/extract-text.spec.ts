import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importReportText } from '@sanshen/annual-report';
import type { AnnualReport } from '@sanshen/annual-report';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { DomainError } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { docxOf, pdfOf } from '../../../../../test/e2e/support/report-files.js';
import { compareCells, renderHtmlPage, syntheticReport, tableSheets } from '../../../../../libs/annual-report/src/testing/report-layouts.js';
import { extractText, sourceKindOf } from './extract-text.js';

const REFERENCE = fileURLToPath(new URL('../../../../../test/fixtures/reference/003_haidong-pinpai-2021.txt', import.meta.url));
const text = readFileSync(REFERENCE, 'utf8');
const nonBlank = (t: string): string[] => t.split('\n').map((l) => l.trim()).filter((l) => l !== '');

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('extractText', () => {
  it('reads UTF-8 text as is, without a BOM', async () => {
    expect(await extractText('r.txt', new TextEncoder().encode('\uFEFF第一行\n第二行'))).toBe('第一行\n第二行');
  });

  it('reads a .docx one paragraph per line', async () => {
    const extracted = await extractText('报告.docx', docxOf(text));
    expect(nonBlank(extracted)).toEqual(nonBlank(text));
  });

  it('reads the text layer of a PDF line by line, and the report imports the same as from its text', async () => {
    const extracted = await extractText('报告.pdf', pdfOf(text));
    // Table cells are spatially apart in the PDF and come back tab-separated; empty cells collapse.
    const spaced = (t: string): string[] => nonBlank(t).map((l) => l.replace(/\t+/g, '\t'));
    expect(spaced(extracted)).toEqual(spaced(text));
    const fromPdf = importReportText(extracted);
    const fromText = importReportText(text);
    expect(fromPdf.ok && fromText.ok).toBe(true);
    if (fromPdf.ok && fromText.ok) {
      expect(fromPdf.value.report.applications).toEqual(fromText.value.report.applications);
      expect(fromPdf.value.report.activeDisclosure).toEqual(fromText.value.report.activeDisclosure);
      expect(fromPdf.value.report.reviewLitigation).toEqual(fromText.value.report.reviewLitigation);
    }
  });

  it('refuses a PDF without text (a scan)', async () => {
    expect((await refusal(() => extractText('scan.pdf', pdfOf('')))).code).toBe('IMPORT.NO_TEXT');
  });

  it('refuses other files and non-UTF-8 text', async () => {
    expect(() => sourceKindOf('report.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(DomainError);
    expect((await refusal(() => extractText('a.txt', new Uint8Array([0xb9, 0xfa, 0xff])))).code).toBe('IMPORT.UNSUPPORTED_FILE');
    expect((await refusal(() => extractText('a.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])))).code).toBe('IMPORT.UNSUPPORTED_FILE');
  });
});

describe('saved pages and workbooks (issue #15 layouts)', () => {
  const references = ['000_haidong-gongxin-2019.txt', '001_haidong-zhengwufuwu-2019.txt', '002_zibo-gongxin-2019.txt', '003_haidong-pinpai-2021.txt', '004_weihai-gongxin-2020.txt'].map((file) => {
    const imported = importReportText(readFileSync(fileURLToPath(new URL(`../../../../../test/fixtures/reference/${file}`, import.meta.url)), 'utf8'));
    if (!imported.ok) throw new Error(imported.error.message);
    return imported.value.report;
  });

  const roundTrip = async (truth: AnnualReport, name: string, bytes: Uint8Array) => {
    const imported = importReportText(await extractText(name, bytes));
    if (!imported.ok) throw new Error(imported.error.message);
    return compareCells(truth, imported.value.report);
  };

  it('reads a saved page: rowspan/colspan headers, &nbsp; blanks, tables inside a layout table, no script text', async () => {
    for (const truth of references) {
      const trip = await roundTrip(truth, '报告.html', new TextEncoder().encode(renderHtmlPage(truth)));
      expect(trip.wrong).toEqual([]);
      expect(trip.missed).toEqual([]);
      expect(trip.ambiguous).toBe(0);
    }
    expect(await extractText('a.htm', new TextEncoder().encode('<script>var a = "<p>x</p>";</script><p>正文</p>'))).toBe('正文');
  });

  it('decodes a saved page in the encoding its <meta charset> names (GBK)', async () => {
    const head = new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>');
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报
    const tail = new TextEncoder().encode('</p></body></html>');
    expect(await extractText('r.html', new Uint8Array([...head, ...gbk, ...tail]))).toBe('年报');
  });

  it('reads generated reports from saved pages and workbooks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2019' as const, '2021' as const), fc.integer({ min: 1, max: 2 ** 30 }), fc.double({ min: 0, max: 0.9, noNaN: true }), async (format, seed, blankZeros) => {
        const truth = syntheticReport({ format, seed, blankZeros });
        const page = await roundTrip(truth, 'r.html', new TextEncoder().encode(renderHtmlPage(truth)));
        expect([page.wrong, page.missed, page.ambiguous]).toEqual([[], [], 0]);
        const sheet = await roundTrip(truth, `${truth.reportYear}年某市某某局政府信息公开工作年度报告.xlsx`, await workbookOf(truth));
        expect([sheet.wrong, sheet.missed, sheet.ambiguous]).toEqual([[], [], 0]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('reads a workbook whose three tables are sheets, with merged cells, the year from the file name', async () => {
    for (const truth of references.slice(1)) {
      const trip = await roundTrip(truth, `${truth.reportYear}年${truth.agency.name}政府信息公开工作年度报告.xlsx`, await workbookOf(truth));
      expect(trip.wrong).toEqual([]);
      expect(trip.missed).toEqual([]);
    }
  });
});

/** The report's tables as a workbook, one sheet per table, group labels merged over their rows. */
async function workbookOf(report: AnnualReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows } of tableSheets(report)) {
    const sheet = workbook.addWorksheet(name.replace(/^[一二三四]、/, ''));
    rows.forEach((cells) => sheet.addRow(cells.map((c) => (/^\d+$/.test(c) ? Number(c) : c === '' ? null : c))));
    if (name.startsWith('四')) sheet.mergeCells(1, 1, 1, 5);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
