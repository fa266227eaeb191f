import { CATEGORY_LABEL, compileDictionary, STARTER_DICTIONARY, STARTER_EXCEPTIONS } from '@sanshen/content-checks';
import type { CompiledDictionary, WordingCategory, WordingEntry } from '@sanshen/content-checks';
import type { ContentFinding } from '../../../api/types';

let cached: { key: string; dictionary: CompiledDictionary } | null = null;

/**
 * The dictionary of the live check in the editor: the built-in starter set (what drafting uses until
 * its copy of the secrecy dictionary arrives), plus the wording the last server check found — so an
 * entry the agency's administrators added is highlighted too once the server has seen it. Compiled
 * once per set of learned entries. The server's check stays the authority at submission.
 */
export function liveDictionary(learned: readonly WordingEntry[]): CompiledDictionary {
  const key = JSON.stringify(learned);
  if (cached?.key !== key) cached = { key, dictionary: compileDictionary([...STARTER_DICTIONARY, ...learned], STARTER_EXCEPTIONS).dictionary };
  return cached.dictionary;
}

/** The entry's category, read back from the server's message (「机构名称有误：…」). */
function categoryOf(message: string): WordingCategory {
  const found = Object.entries(CATEGORY_LABEL).find(([, label]) => message.startsWith(`${label}有误`));
  return (found?.[0] as WordingCategory | undefined) ?? 'typo';
}

/** The wrong → right pairs behind the server check's wording findings. */
export function learnedWording(findings: readonly ContentFinding[]): WordingEntry[] {
  const entries = new Map<string, WordingEntry>();
  for (const finding of findings) {
    if (finding.type !== 'wording' || !finding.suggestion || finding.suggestion === finding.matched) continue;
    entries.set(finding.matched, { wrong: finding.matched, right: finding.suggestion, category: categoryOf(finding.message), severity: finding.severity });
  }
  return [...entries.values()].sort((a, b) => a.wrong.localeCompare(b.wrong));
}
