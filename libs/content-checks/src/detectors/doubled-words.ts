import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { isAsciiDigit, isHan } from '../text/characters.js';
import { ALLOWED_PHRASES, BOUNDARY_WORDS, REDUPLICATIONS } from './doubled-allow-list.js';

const MAX_WORD = 4;
const BOUNDARY_BY_FIRST = new Map<string, string[]>();
for (const word of BOUNDARY_WORDS) BOUNDARY_BY_FIRST.set(word[0], [...(BOUNDARY_BY_FIRST.get(word[0]) ?? []), word]);

/**
 * Doubled characters (的的, 各各, 28日日止) and doubled words (我们我们, 信息公开信息公开), Han only.
 * Not flagged: reduplications (常常, 认认真真), word boundaries (三项项目, 海东市市长, 人民民主) and
 * the allowed phrases (不了了之, 研究研究).
 */
export function detectDoubledWords(text: string): Finding[] {
  const findings: Finding[] = [];
  let skipUntil = 0;
  for (let i = 0, n = text.length; i + 1 < n; i++) {
    const c = text.charCodeAt(i);
    // Fast reject: no equal character within the next MAX_WORD positions (NaN past the end).
    if (c !== text.charCodeAt(i + 1) && c !== text.charCodeAt(i + 2) && c !== text.charCodeAt(i + 3) && c !== text.charCodeAt(i + 4)) continue;
    if (i < skipUntil || !isHan(c)) continue;
    const size = doubledSize(text, i);
    if (size === 0 || allowed(text, i, size)) continue;
    const word = text.slice(i, i + size);
    findings.push(
      finding(text, 'doubled_word', 'warning', i, i + 2 * size, word, `“${word}”重复出现，疑似多字：“${word}${word}”`),
    );
    skipUntil = i + 2 * size;
  }
  return findings;
}

/** Length of the word at `at` that is immediately repeated (longest first), or 0. */
function doubledSize(text: string, at: number): number {
  for (let size = MAX_WORD; size >= 1; size--) {
    if (at + 2 * size > text.length) continue;
    let same = true;
    for (let k = 0; k < size && same; k++) {
      const code = text.charCodeAt(at + k);
      same = isHan(code) && code === text.charCodeAt(at + size + k);
    }
    if (same && (size === 1 || !isRun(text, at, size))) return size;
  }
  return 0;
}

/** "哈哈哈哈" is a run of one character, reported (or allowed) as size 1. */
function isRun(text: string, at: number, size: number): boolean {
  for (let k = 1; k < size; k++) if (text[at + k] !== text[at]) return false;
  return true;
}

function allowed(text: string, at: number, size: number): boolean {
  const end = at + 2 * size;
  for (const phrase of ALLOWED_PHRASES) {
    for (let from = Math.max(0, end - phrase.length); from <= at; from++) {
      if (text.startsWith(phrase, from)) return true;
    }
  }
  if (size > 1) return text[at] === '一'; // 一步一步, 一点一点
  const pair = text.slice(at, end);
  const digitBefore = at > 0 && isAsciiDigit(text.charCodeAt(at - 1));
  if (REDUPLICATIONS.has(pair) && !digitBefore) return true;
  // AABB (认认真真, 扎扎实实): the neighbouring pair is doubled too.
  if (text[end] !== undefined && text[end] === text[end + 1] && isHan(text.charCodeAt(end))) return true;
  if (at >= 2 && text[at - 2] === text[at - 1] && isHan(text.charCodeAt(at - 2))) return true;
  return (BOUNDARY_BY_FIRST.get(text[at]) ?? []).some((word) => text.startsWith(word, at + 1));
}
