import { SECTION_HEADING_VARIANTS, SECTION_NUMERALS, SECTION_ORDER } from '../model/labels.js';
import type { SectionId } from '../model/report.js';
import { headingKey } from '../text/headings.js';
import { editDistance } from '../text/normalise.js';
import type { SourceLine } from './source-lines.js';

export interface FoundHeading {
  section: SectionId;
  text: string;
  index: number;
}

const NUMBERED = /^([一二三四五六])\s*[、.．]\s*(\S.*)$/;

/** Is the line a top-level heading? Typos within a few characters still count (LBL-02 judges them). */
export function headingOf(line: SourceLine): SectionId | null {
  if (line.tabbed) return null;
  const match = NUMBERED.exec(line.text);
  if (match === null) return null;
  const section = SECTION_ORDER[SECTION_NUMERALS.indexOf(match[1] as (typeof SECTION_NUMERALS)[number])];
  const key = headingKey(match[2]);
  const tolerance = Math.max(1, Math.floor(key.length / 5));
  const close = SECTION_HEADING_VARIANTS[section].some((variant) => editDistance(key, headingKey(variant), tolerance) <= tolerance);
  return close ? section : null;
}

export function findHeadings(lines: readonly SourceLine[]): FoundHeading[] {
  return lines.flatMap((line, index) => {
    const section = headingOf(line);
    return section === null ? [] : [{ section, text: line.text, index }];
  });
}
