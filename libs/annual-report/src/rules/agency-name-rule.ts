import { editDistance } from '../text/normalise.js';
import type { Rule } from './types.js';
import { fail, pass, textFinding } from './verdict.js';

/** Spans of `text` within edit distance 1 of `name` that are not the name and do not overlap an exact mention. */
export function nearMisses(text: string, name: string): string[] {
  const exact: [number, number][] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) exact.push([at, at + name.length]);
  const overlapsExact = (start: number, end: number): boolean => exact.some(([s, e]) => start < e && end > s);
  const first = name[0];
  const last = name[name.length - 1];
  const hits: string[] = [];
  for (let start = 0; start < text.length; start += 1) {
    for (const length of [name.length + 1, name.length, name.length - 1]) {
      const end = start + length;
      if (end > text.length || length < 2) continue;
      const span = text.slice(start, end);
      if (span[0] !== first && span[span.length - 1] !== last) continue;
      if (/\s/.test(span) || overlapsExact(start, end)) continue;
      if (span !== name && editDistance(span, name, 1) <= 1) {
        hits.push(span);
        start = end - 1;
        break;
      }
    }
  }
  return hits;
}

export const TXT_06: Rule = {
  id: 'TXT-06',
  severity: 'warning',
  title: '正文中的机关全称与标题、落款一致',
  check({ report, prose }) {
    const name = report.agency.name.replace(/\s+/g, '');
    if (name.length < 4) return pass();
    const hits = nearMisses(prose.all, name);
    if (hits.length === 0) return pass();
    return fail(hits.map((hit) => textFinding(`正文中的机关名称“${hit}”与全称“${name}”不一致`, name, hit)));
  },
};
