/**
 * The portal's search index terms, CJK-aware without a dictionary: a run of Han characters gives each
 * character and each pair of neighbours (unigrams and bigrams), any other run of letters and digits
 * gives the lower-cased word. A page stores the terms of its title and text (`search_tokens text[]`,
 * GIN-indexed); a query asks for pages holding all of its own terms (`@>`), then the exact phrase is
 * checked on the candidates. Why not pg_trgm: trigrams cannot narrow a query under three characters,
 * and most Chinese words are two (通知, 公开); and whether pg_trgm sees Han characters as word
 * characters depends on the database's LC_CTYPE. Bigrams work for any locale and any query length.
 */
const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUN) ?? [];
}

/** Every term a page is found by (deduplicated). */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(text)) {
    if (!HAN.test(run)) {
      terms.add(run.slice(0, 64));
      continue;
    }
    const chars = [...run];
    chars.forEach((char, index) => {
      terms.add(char);
      const next = chars[index + 1];
      if (next !== undefined) terms.add(char + next);
    });
  }
  return [...terms];
}

/** The terms a query needs: a single Han character as itself, longer Han runs as their bigrams, words as words. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(query)) {
    const chars = [...run];
    if (!HAN.test(run) || chars.length === 1) terms.add(run.slice(0, 64));
    else for (let index = 0; index + 1 < chars.length; index += 1) terms.add(chars[index] + chars[index + 1]);
  }
  return [...terms];
}

/** The phrases every hit must contain (the query split on whitespace), for the exact check. */
export function queryPhrases(query: string): string[] {
  return query.normalize('NFKC').toLowerCase().split(/\s+/u).filter((phrase) => phrase !== '');
}

/** The text a reader sees of a sanitized body (tags dropped, common entities decoded). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
