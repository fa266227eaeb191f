import { ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import type { SectionFinding } from './finding.js';
import { scanText } from './scan-text.js';
import type { ScanError, ScanOptions } from './scan-text.js';

export interface TextSection {
  key: string;
  text: string;
}

/**
 * Scans each section (an annual report's parts, an article's title and body) on its own; every
 * finding carries its section's key and offsets within that section's text.
 */
export function scanSections(sections: readonly TextSection[], options: ScanOptions = {}): Result<SectionFinding[], ScanError> {
  const findings: SectionFinding[] = [];
  for (const section of sections) {
    const result = scanText(section.text, options);
    if (!result.ok) return result;
    for (const f of result.value) findings.push({ ...f, section: section.key });
  }
  return ok(findings);
}
