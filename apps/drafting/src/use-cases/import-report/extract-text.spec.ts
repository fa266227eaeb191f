import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importReportText } from '@sanshen/annual-report';
import { DomainError } from '@sanshen/contracts';
import { describe, expect, it } from 'vitest';
import { docxOf, pdfOf } from '../../../../../test/e2e/support/report-files.js';
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
