import { SECTION_HEADING_VARIANTS } from '../model/labels.js';
import type { SectionId } from '../model/report.js';
import { normaliseLabel } from './normalise.js';

/** Heading comparison key: numbering dropped; spaces, full/half width and "、" against "和" are not differences. */
export function headingKey(text: string): string {
  return normaliseLabel(text)
    .replace(/^[一二三四五六][、.]/, '')
    .replace(/和/g, '、');
}

/** Canonical heading or an accepted variant (FORMAT.md §2)? */
export function isAcceptedHeading(section: SectionId, text: string): boolean {
  const key = headingKey(text);
  return SECTION_HEADING_VARIANTS[section].some((variant) => headingKey(variant) === key);
}
