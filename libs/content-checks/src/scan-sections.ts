import { ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import type { SectionFinding } from './finding.js';
import { scanText } from './scan-text.js';
import type { ScanError, ScanOptions } from './scan-text.js';

export interface TextSection {
  key: string;
  text: string;
  /**
   * Set when the section's text could not be read (an image attachment: no OCR; a file whose text
   * was not extracted): the scan then reports one `attachment_unscanned` warning with this message
   * instead of staying silent.
   */
  unscanned?: string;
}

/**
 * Scans each section (an annual report's parts, an article's title and body) on its own; every
 * finding carries its section's key and offsets within that section's text.
 */
export function scanSections(sections: readonly TextSection[], options: ScanOptions = {}): Result<SectionFinding[], ScanError> {
  const findings: SectionFinding[] = [];
  for (const section of sections) {
    if (section.unscanned !== undefined) {
      findings.push({ type: 'attachment_unscanned', severity: 'warning', start: 0, end: 0, matched: '', suggestion: null, message: section.unscanned, section: section.key });
      continue;
    }
    const result = scanText(section.text, options);
    if (!result.ok) return result;
    for (const f of result.value) findings.push({ ...f, section: section.key });
  }
  return ok(findings);
}
