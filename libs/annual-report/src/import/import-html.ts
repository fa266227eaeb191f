import type { Result } from '@sanshen/kernel';
import { htmlToText } from '../render/html-text.js';
import { importReportText } from './import-report.js';
import type { ImportError, ImportedReport } from './import-report.js';

/** Imports a page rendered by renderReportHtml (round trip: render → import gives the same model). */
export function importReportHtml(html: string): Result<ImportedReport, ImportError> {
  return importReportText(htmlToText(html));
}
