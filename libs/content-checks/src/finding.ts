/** What a detector looks for. Stable strings: the secrecy service stores them. */
export type FindingType =
  | 'classification_mark'
  | 'id_card_number'
  | 'mobile_number'
  | 'bank_card_number'
  | 'personal_email'
  | 'wording'
  | 'leader_title'
  | 'doubled_word'
  | 'unbalanced_bracket'
  | 'document_number_format'
  | 'impossible_date'
  | 'attachment_unscanned';

export const FINDING_TYPES = [
  'classification_mark',
  'id_card_number',
  'mobile_number',
  'bank_card_number',
  'personal_email',
  'wording',
  'leader_title',
  'doubled_word',
  'unbalanced_bracket',
  'document_number_format',
  'impossible_date',
  'attachment_unscanned',
] as const satisfies readonly FindingType[];

/** `blocking`: must be fixed (or explicitly dispositioned) before publication; `warning`: a person should look. */
export type Severity = 'blocking' | 'warning';

/**
 * One problem in a scanned text. `start`/`end` are offsets in the scanned text in UTF-16 code units
 * (`text.slice(start, end) === matched`). `suggestion` is the replacement text, or null when a
 * person has to decide (a classification mark, an unbalanced bracket).
 */
export interface Finding {
  type: FindingType;
  severity: Severity;
  start: number;
  end: number;
  matched: string;
  suggestion: string | null;
  /** For people, in Chinese. */
  message: string;
}

/** A finding of a multi-section scan, tagged with the key of the section it was found in. */
export interface SectionFinding extends Finding {
  section: string;
}

export function finding(
  text: string,
  type: FindingType,
  severity: Severity,
  start: number,
  end: number,
  suggestion: string | null,
  message: string,
): Finding {
  return { type, severity, start, end, matched: text.slice(start, end), suggestion, message };
}

/** Document order: by start, longer first, then by type (stable output for tests and UIs). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end || a.type.localeCompare(b.type);
}
