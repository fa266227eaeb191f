import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import type { CompiledDictionary } from '../dictionary/compile-dictionary.js';
import { CATEGORY_LABEL } from '../dictionary/wording-entry.js';
import { insideAny, leftmostLongest, overlapsAny } from '../matcher/ranges.js';
import type { Range } from '../matcher/ranges.js';

export interface WordingScan {
  findings: Finding[];
  /** Where the dictionary's exception phrases occur: no detector may flag inside them. */
  exceptionRanges: Range[];
}

/** Dictionary terms (wrong → right) in `text`, skipping those inside right forms or touching an exception. */
export function detectWording(text: string, dictionary: CompiledDictionary): WordingScan {
  const entryCount = dictionary.entries.length;
  const hits: { start: number; end: number; pattern: number }[] = [];
  const guards: Range[] = [];
  const exceptionRanges: Range[] = [];
  for (const match of dictionary.matcher.findAll(text)) {
    if (match.pattern < entryCount) hits.push(match);
    else {
      guards.push(match);
      if (match.pattern < dictionary.firstRightGuard) exceptionRanges.push(match);
    }
  }
  // Inside a right form: correct text. Overlapping an exception: the exception fixes how that text reads.
  const guarded = insideAny(guards);
  const excepted = overlapsAny(exceptionRanges);
  const kept = hits.filter((hit) => !guarded(hit.start, hit.end) && !excepted(hit.start, hit.end));
  const findings = leftmostLongest(kept).map((hit) => {
    const entry = dictionary.entries[hit.pattern];
    const note = entry.note === undefined ? '' : `（${entry.note}）`;
    return finding(
      text,
      'wording',
      entry.severity ?? 'warning',
      hit.start,
      hit.end,
      entry.right,
      `${CATEGORY_LABEL[entry.category]}有误：“${entry.wrong}”应为“${entry.right}”${note}`,
    );
  });
  return { findings, exceptionRanges };
}
