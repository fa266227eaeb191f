import { finding } from '../finding.js';
import type { Finding } from '../finding.js';

/** Opening → closing, full-width: （）《》“”‘’【】〔〕 and 〈〉「」『』. */
const PAIRS = ['（）', '《》', '“”', '‘’', '【】', '〔〕', '〈〉', '「」', '『』'] as const;
const OPENER_OF = new Map<number, number>(PAIRS.map((p) => [p.charCodeAt(1), p.charCodeAt(0)]));
const CLOSER_OF = new Map<number, number>(PAIRS.map((p) => [p.charCodeAt(0), p.charCodeAt(1)]));

/**
 * Full-width brackets and quotes that do not pair up. A closer that matches an opener deeper in
 * the stack closes it and reports the openers above it.
 */
export function detectUnbalancedBrackets(text: string): Finding[] {
  const findings: Finding[] = [];
  const stack: number[] = [];
  const unclosed = (at: number) => {
    const closer = String.fromCharCode(CLOSER_OF.get(text.charCodeAt(at)) ?? 0);
    findings.push(finding(text, 'unbalanced_bracket', 'warning', at, at + 1, null, `“${text[at]}”缺少对应的“${closer}”`));
  };
  for (let i = 0, n = text.length; i < n; i++) {
    const code = text.charCodeAt(i);
    // Fast reject: the brackets live in U+2018–U+201D, U+3008–U+3015 and U+FF08–U+FF09.
    if (!((code >= 0x2018 && code <= 0x201d) || (code >= 0x3008 && code <= 0x3015) || code === 0xff08 || code === 0xff09)) continue;
    if (CLOSER_OF.has(code)) {
      stack.push(i);
      continue;
    }
    const opener = OPENER_OF.get(code);
    if (opener === undefined) continue;
    let depth = stack.length - 1;
    while (depth >= 0 && text.charCodeAt(stack[depth]) !== opener) depth--;
    if (depth === -1) {
      const message = `“${text[i]}”缺少对应的“${String.fromCharCode(opener)}”`;
      findings.push(finding(text, 'unbalanced_bracket', 'warning', i, i + 1, null, message));
      continue;
    }
    for (const at of stack.splice(depth).slice(1)) unclosed(at);
  }
  for (const at of stack) unclosed(at);
  return findings.sort((a, b) => a.start - b.start);
}
