import { compilePatterns } from '../matcher/aho-corasick.js';
import type { PatternMatcher } from '../matcher/aho-corasick.js';
import { compareDates, parseIsoDate } from '../text/calendar.js';
import type { CalendarDate } from '../text/calendar.js';

/**
 * A leader held `title` from `from` (inclusive) until `until` (exclusive; null or absent: still
 * holds it). Dates are 'YYYY-MM-DD'. The data is the agency's own, edited by admins.
 */
export interface LeaderTenure {
  name: string;
  title: string;
  from: string;
  until?: string | null;
}

export type RejectedTenureReason = 'empty_name' | 'empty_title' | 'invalid_date' | 'ends_before_start';

export interface RejectedTenure {
  index: number;
  reason: RejectedTenureReason;
}

interface Term {
  title: string;
  from: CalendarDate;
  until: CalendarDate | null;
}

export interface CompiledLeaders {
  readonly names: readonly string[];
  readonly matcher: PatternMatcher;
  /** Every title in the data, longest first (副市长 before 市长). */
  readonly titles: readonly string[];
  readonly terms: ReadonlyMap<string, readonly Term[]>;
}

export function compileLeaders(tenures: readonly LeaderTenure[]): { leaders: CompiledLeaders; rejected: RejectedTenure[] } {
  const rejected: RejectedTenure[] = [];
  const terms = new Map<string, Term[]>();
  tenures.forEach((tenure, index) => {
    const name = tenure.name.trim();
    const title = tenure.title.trim();
    const from = parseIsoDate(tenure.from);
    const until = tenure.until === undefined || tenure.until === null ? null : parseIsoDate(tenure.until);
    const reason: RejectedTenureReason | null =
      name.length === 0
        ? 'empty_name'
        : title.length === 0
          ? 'empty_title'
          : from === null || (until === null && tenure.until != null)
            ? 'invalid_date'
            : until !== null && compareDates(until, from) <= 0
              ? 'ends_before_start'
              : null;
    if (reason !== null || from === null) {
      rejected.push({ index, reason: reason ?? 'invalid_date' });
      return;
    }
    terms.set(name, [...(terms.get(name) ?? []), { title, from, until }]);
  });
  const names = [...terms.keys()];
  const titles = [...new Set([...terms.values()].flat().map((term) => term.title))].sort((a, b) => b.length - a.length);
  return { leaders: { names, matcher: compilePatterns(names), titles, terms }, rejected };
}

/** The titles `name` held on `date`. */
export function titlesHeld(leaders: CompiledLeaders, name: string, date: CalendarDate): string[] {
  return (leaders.terms.get(name) ?? [])
    .filter((term) => compareDates(term.from, date) <= 0 && (term.until === null || compareDates(date, term.until) < 0))
    .map((term) => term.title);
}
