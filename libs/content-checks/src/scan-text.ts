import { err, ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import { compareFindings } from './finding.js';
import type { Finding, FindingType } from './finding.js';
import type { CompiledDictionary } from './dictionary/compile-dictionary.js';
import type { CompiledLeaders } from './leaders/leader-tenure.js';
import { compilePatterns } from './matcher/aho-corasick.js';
import { insideAny } from './matcher/ranges.js';
import type { Range } from './matcher/ranges.js';
import { joinedView, toSourceRange } from './text/joined-view.js';
import type { JoinedView } from './text/joined-view.js';
import { parseIsoDate } from './text/calendar.js';
import { detectBankCardNumbers } from './detectors/bank-card-numbers.js';
import { detectClassificationMarks } from './detectors/classification-marks.js';
import { detectDocumentNumbers } from './detectors/document-numbers.js';
import { detectDoubledWords } from './detectors/doubled-words.js';
import { detectIdCardNumbers } from './detectors/id-card-numbers.js';
import { detectImpossibleDates } from './detectors/impossible-dates.js';
import { detectLeaderTitles } from './detectors/leader-titles.js';
import { detectMobileNumbers } from './detectors/mobile-numbers.js';
import { detectPersonalEmails } from './detectors/personal-emails.js';
import { detectUnbalancedBrackets } from './detectors/unbalanced-brackets.js';
import { detectWording } from './detectors/wording.js';

export interface ScanOptions {
  /** The compiled wording dictionary (compileDictionary), with its exceptions. */
  dictionary?: CompiledDictionary;
  /** Extra phrases that must not be flagged by any detector, for this scan only. */
  exceptions?: readonly string[];
  /** Leaders' tenures (compileLeaders); needs `documentDate`. */
  leaders?: CompiledLeaders;
  /** The document's date, 'YYYY-MM-DD': leaders' titles are checked as of this day, birth dates before it. */
  documentDate?: string;
  /** Turn detectors off by finding type; all are on by default. */
  checks?: Partial<Record<FindingType, boolean>>;
}

export type ScanErrorCode = 'CONTENT_CHECKS.INVALID_DOCUMENT_DATE' | 'CONTENT_CHECKS.DOCUMENT_DATE_REQUIRED';

export interface ScanError {
  code: ScanErrorCode;
  message: string;
}

const PERSONAL: ReadonlySet<FindingType> = new Set(['id_card_number', 'mobile_number', 'bank_card_number', 'personal_email']);

/**
 * Runs every enabled detector over `text` and returns the findings in document order, offsets in
 * `text` (UTF-16 code units). Wording, leaders, doubled words, document numbers and dates are
 * looked for across line breaks inside Chinese text (see joinedView); the rest on the text as is.
 */
export function scanText(text: string, options: ScanOptions = {}): Result<Finding[], ScanError> {
  const date = options.documentDate === undefined ? null : parseIsoDate(options.documentDate);
  if (options.documentDate !== undefined && date === null) {
    return err({ code: 'CONTENT_CHECKS.INVALID_DOCUMENT_DATE', message: `文档日期“${options.documentDate}”无效，应为YYYY-MM-DD格式的真实日期` });
  }
  if (options.leaders !== undefined && date === null) {
    return err({ code: 'CONTENT_CHECKS.DOCUMENT_DATE_REQUIRED', message: '核对领导职务需要提供文档日期' });
  }
  const on = (type: FindingType) => options.checks?.[type] !== false;
  const view = joinedView(text);
  const inView: Finding[] = [];
  const exceptionRanges: Range[] = [];

  if (options.dictionary !== undefined) {
    const wording = detectWording(view.text, options.dictionary);
    if (on('wording')) inView.push(...wording.findings);
    exceptionRanges.push(...wording.exceptionRanges);
  }
  if (options.exceptions !== undefined && options.exceptions.length > 0) {
    exceptionRanges.push(...compilePatterns(options.exceptions).findAll(view.text));
  }
  if (options.leaders !== undefined && date !== null && on('leader_title')) {
    inView.push(...detectLeaderTitles(view.text, options.leaders, date));
  }
  if (on('doubled_word')) inView.push(...detectDoubledWords(view.text));
  if (on('document_number_format')) inView.push(...detectDocumentNumbers(view.text));
  if (on('impossible_date')) inView.push(...detectImpossibleDates(view.text));

  const inSource: Finding[] = [];
  if (on('classification_mark')) inSource.push(...detectClassificationMarks(text));
  if (on('id_card_number')) inSource.push(...detectIdCardNumbers(text, date));
  if (on('mobile_number')) inSource.push(...detectMobileNumbers(text));
  if (on('bank_card_number')) inSource.push(...detectBankCardNumbers(text));
  if (on('personal_email')) inSource.push(...detectPersonalEmails(text));
  if (on('unbalanced_bracket')) inSource.push(...detectUnbalancedBrackets(text));

  const all = [...inView.map((f) => toSource(text, view, f)), ...inSource];
  const excepted = insideAny(exceptionRanges.map((r) => toSourceRange(view, r.start, r.end)));
  return ok(withoutNested(all.filter((f) => !excepted(f.start, f.end))).sort(compareFindings));
}

function toSource(text: string, view: JoinedView, f: Finding): Finding {
  const { start, end } = toSourceRange(view, f.start, f.end);
  return { ...f, start, end, matched: text.slice(start, end) };
}

/** A personal-data finding inside another one (a mobile number inside an e-mail address) is dropped. */
function withoutNested(findings: Finding[]): Finding[] {
  const personal = findings.filter((f) => PERSONAL.has(f.type));
  if (personal.length < 2) return findings;
  return findings.filter(
    (f) =>
      !PERSONAL.has(f.type) ||
      !personal.some((o) => o !== f && o.start <= f.start && o.end >= f.end && o.end - o.start > f.end - f.start),
  );
}
