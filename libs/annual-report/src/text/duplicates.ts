export interface DuplicateHit {
  token: string;
  context: string;
}

const DATE_UNIT = /\d\s*([日月])\s*\1|\d\s*年\s+年/g;
const FUNCTION_CHARS = /(的的|各各|是是|在在|和和|与与|及及)/g;
const CJK = /[\u4e00-\u9fff]/;

function contextAt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 6), index + length + 6).replace(/\s+/g, ' ');
}

/** A run of `length` characters repeated back-to-back, found by comparing text[i] with text[i + length]. */
function repeatedRuns(text: string, length: number, cjkOnly: boolean): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  let run = 0;
  for (let i = 0; i + length < text.length; i += 1) {
    const same = text[i] === text[i + length] && (!cjkOnly || CJK.test(text[i])) && !/\s/.test(text[i]);
    run = same ? run + 1 : 0;
    if (run === length) {
      const start = i - length + 1;
      hits.push({ token: text.slice(start, start + length), context: contextAt(text, start, 2 * length) });
      run = 0;
      i += length;
    }
  }
  return hits;
}

/**
 * TXT-02's duplicates: a date unit doubled after a number ("28 日 日止"), a doubled function
 * character from the closed list, a 2–4 character CJK word doubled ("公开公开") or a phrase of
 * 8+ characters doubled. Other doubled single characters (紧紧, 钉钉, 三项项目) are legitimate.
 */
export function findDuplicatedTokens(prose: string): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  for (const match of prose.matchAll(DATE_UNIT)) hits.push({ token: match[0].replace(/\d|\s/g, ''), context: contextAt(prose, match.index ?? 0, match[0].length) });
  for (const match of prose.matchAll(FUNCTION_CHARS)) hits.push({ token: match[0], context: contextAt(prose, match.index ?? 0, 2) });
  for (let length = 2; length <= 4; length += 1) hits.push(...repeatedRuns(prose, length, true));
  for (let length = 8; length <= 40; length += 1) hits.push(...repeatedRuns(prose, length, false));
  return hits;
}
