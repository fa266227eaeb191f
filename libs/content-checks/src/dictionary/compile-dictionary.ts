import { compilePatterns } from '../matcher/aho-corasick.js';
import type { PatternMatcher } from '../matcher/aho-corasick.js';
import type { WordingEntry } from './wording-entry.js';

export type RejectedEntryReason = 'empty' | 'same_as_right' | 'duplicate' | 'inside_exception';

export interface RejectedEntry {
  index: number;
  wrong: string;
  reason: RejectedEntryReason;
}

/**
 * A wording dictionary and its exceptions compiled into one matcher. Build once per dictionary
 * version (compiling 10,000 entries takes tens of milliseconds), share between scans.
 */
export interface CompiledDictionary {
  readonly entries: readonly WordingEntry[];
  readonly exceptions: readonly string[];
  /**
   * Pattern numbers: [0, entries.length) the entries' `wrong`, then the exceptions, then from
   * `firstRightGuard` the right forms that contain a wrong form.
   */
  readonly matcher: PatternMatcher;
  readonly firstRightGuard: number;
}

export interface DictionaryCompilation {
  dictionary: CompiledDictionary;
  /** Entries left out, with why; the rest compiled. */
  rejected: RejectedEntry[];
}

/**
 * Compiles wrong → right pairs and the exception phrases (text that must never be flagged).
 * Whenever an entry's `right` contains its `wrong` (国务院办 → 国务院办公厅), the right form is a
 * guard too, so correct text is not flagged.
 */
export function compileDictionary(
  entries: readonly WordingEntry[],
  exceptions: readonly string[] = [],
): DictionaryCompilation {
  const rejected: RejectedEntry[] = [];
  const accepted: WordingEntry[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const wrong = entry.wrong.trim();
    const reason: RejectedEntryReason | null =
      wrong.length === 0
        ? 'empty'
        : wrong === entry.right.trim()
          ? 'same_as_right'
          : seen.has(wrong)
            ? 'duplicate'
            : exceptions.some((phrase) => phrase.trim() === wrong)
              ? 'inside_exception'
              : null;
    if (reason !== null) {
      rejected.push({ index, wrong: entry.wrong, reason });
      return;
    }
    seen.add(wrong);
    accepted.push(wrong === entry.wrong ? entry : { ...entry, wrong });
  });
  const cleanExceptions = [...new Set(exceptions.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 0))];
  const rightGuards = [...new Set(accepted.filter((e) => e.right.includes(e.wrong)).map((e) => e.right))].filter(
    (right) => !cleanExceptions.includes(right),
  );
  const matcher = compilePatterns([...accepted.map((e) => e.wrong), ...cleanExceptions, ...rightGuards]);
  return {
    dictionary: {
      entries: accepted,
      exceptions: cleanExceptions,
      matcher,
      firstRightGuard: accepted.length + cleanExceptions.length,
    },
    rejected,
  };
}
