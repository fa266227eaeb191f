import { DomainError } from '@sanshen/kernel';
import { htmlText, xlsxText } from './table-text.js';

export type SourceKind = 'txt' | 'docx' | 'pdf' | 'html' | 'xlsx';

/** Tells the file's kind from its first bytes (the name's extension only for plain text and web pages). */
export function sourceKindOf(filename: string, bytes: Uint8Array): SourceKind {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'; // %PDF
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(filename)) return 'docx'; // PK (zip)
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.xlsx$/i.test(filename)) return 'xlsx';
  if (/\.html?$/i.test(filename)) return 'html';
  if (/\.txt$/i.test(filename)) return 'txt';
  throw new DomainError('IMPORT.UNSUPPORTED_FILE', { filename });
}

/**
 * The text of a published report's file, line by line as the importer expects it: UTF-8 text as
 * is (BOM dropped); a .docx's paragraphs (and table cells) one per line; a PDF's text layer with
 * its line ends. A file without text (a scanned PDF) is refused rather than guessed at.
 */
export async function extractText(filename: string, bytes: Uint8Array): Promise<string> {
  const kind = sourceKindOf(filename, bytes);
  const text = await textOf(kind, filename, bytes);
  if (text.trim() === '') throw new DomainError('IMPORT.NO_TEXT', { filename });
  return text;
}

/** The text of a file of a known kind (one home for the extractors: the report import and attachments). */
export async function textOf(kind: SourceKind, filename: string, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'txt':
      return utf8(bytes);
    case 'docx':
      return docxText(bytes);
    case 'pdf':
      return pdfText(bytes);
    case 'html':
      return htmlText(pageSource(bytes));
    case 'xlsx':
      return workbookText(filename, bytes);
  }
}

/** A saved page in the encoding its <meta charset> names (GBK/GB18030 pages are common), else UTF-8. */
function pageSource(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  if (charset === 'utf-8' || charset === 'utf8') return utf8(bytes);
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('IMPORT.UNSUPPORTED_FILE', { encoding: charset }, `无法按 ${charset} 编码读取该网页`);
  }
}

async function workbookText(filename: string, bytes: Uint8Array): Promise<string> {
  try {
    return await xlsxText(bytes, filename.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, ''));
  } catch {
    throw new DomainError('IMPORT.UNSUPPORTED_FILE', { kind: 'xlsx' }, '无法读取该 .xlsx 文件');
  }
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DomainError('IMPORT.UNSUPPORTED_FILE', { encoding: 'not UTF-8' }, '文本文件须为 UTF-8 编码');
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  // The converters load on the first import of their kind, not at boot (memory of every drafting process).
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth ends every paragraph with a blank line; the importer reads lines.
    return result.value.replace(/\n\n/g, '\n');
  } catch {
    throw new DomainError('IMPORT.UNSUPPORTED_FILE', { kind: 'docx' }, '无法读取该 .docx 文件');
  }
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/**
 * One page's text items as lines. Items on one line separated by a wide gap (more than twice the
 * text height — table cells) are joined with a tab, as text extraction tools do; a narrower gap
 * becomes a space.
 */
export function pageText(items: readonly PdfTextItem[]): string {
  let text = '';
  let lastEnd: number | null = null;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    if (item.str.trim() === '') {
      if (item.hasEOL) {
        text += '\n';
        lastEnd = null;
      }
      continue;
    }
    if (lastEnd !== null) {
      const gap = x - lastEnd;
      const size = item.height > 0 ? item.height : 10;
      if (gap > 2 * size) text += '\t';
      else if (gap > 0.2 * size && !/\s$/.test(text)) text += ' ';
    }
    text += item.str;
    lastEnd = x + item.width;
    if (item.hasEOL) {
      text += '\n';
      lastEnd = null;
    }
  }
  return text;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch {
    throw new DomainError('IMPORT.UNSUPPORTED_FILE', { kind: 'pdf' }, '无法读取该 PDF 文件');
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter((item): item is PdfTextItem => typeof item === 'object' && item !== null && 'str' in item);
      pages.push(pageText(items));
    }
    return pages.join('\n');
  } finally {
    await pdf.loadingTask.destroy();
  }
}
