import { Injectable } from '@nestjs/common';
import { cellDef, importReportText } from '@sanshen/annual-report';
import type { ImportedDocumentView, ImportReportRequest } from '@sanshen/contracts';
import { DomainError, stripForbiddenText } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { reportToContent } from '../../content/annual-report-content.js';
import { CreateDocumentUseCase } from '../create-document/create-document.use-case.js';
import { extractText } from './extract-text.js';

/** Longest text accepted (a long report is about 30,000 characters). */
export const MAX_IMPORT_TEXT = 500_000;

/**
 * A published report (its extracted text, a .txt, .docx or a PDF with a text layer) becomes an
 * annual-report document of the drafter's agency and department, origin `imported`, with the list
 * of what could not be placed without guessing (with source line numbers) and the cells it could
 * not settle, each with its candidates. The importer never guesses: unplaced and ambiguous values
 * stay blank in the grid; the version keeps the ambiguity list (`extraction.ambiguousCells`) and
 * submission is refused (ANNUAL_REPORT.AMBIGUOUS_CELLS) until a PATCH writes each of those cells.
 */
@Injectable()
export class ImportReportUseCase {
  constructor(private readonly createDocument: CreateDocumentUseCase) {}

  async execute(actor: Actor, request: ImportReportRequest, correlationId: string): Promise<ImportedDocumentView> {
    // A file's text (a PDF's text layer often carries control characters) loses what the input
    // policy refuses rather than being refused: the drafter cannot see or fix those characters.
    const text = stripForbiddenText(await this.textOf(request), 'multi');
    if (text.length > MAX_IMPORT_TEXT) throw new DomainError('REQUEST.TOO_LARGE', { maxChars: MAX_IMPORT_TEXT });
    const imported = importReportText(text);
    if (!imported.ok) throw new DomainError(imported.error.code, undefined, imported.error.message);
    const { report, unplaced, ambiguous } = imported.value;
    const document = await this.createDocument.create(
      actor,
      {
        kind: 'annual_report',
        title: report.title,
        year: report.reportYear,
        origin: 'imported',
        content: () => Promise.resolve(reportToContent(report)),
      },
      correlationId,
    );
    return {
      ...document,
      unplaced: unplaced.map(({ line, text: itemText, reason }) => ({ line, text: itemText, reason })),
      ambiguous: ambiguous.map(({ pointer, candidates, line }) => {
        const def = cellDef(report.format, pointer);
        return { pointer, table: def?.tableShort ?? '', row: def?.rowLabel ?? '', column: def?.columnLabel ?? '', candidates, line };
      }),
    };
  }

  private async textOf(request: ImportReportRequest): Promise<string> {
    if (typeof request.text === 'string' && request.file === undefined) return request.text.replace(/^\uFEFF/, '');
    const file = request.file;
    if (file === undefined || typeof file.base64 !== 'string' || typeof file.filename !== 'string' || request.text !== undefined) {
      throw new DomainError('REQUEST.INVALID', undefined, '请提供报告文本（text）或文件（file）之一');
    }
    return extractText(file.filename, new Uint8Array(Buffer.from(file.base64, 'base64')));
  }
}
