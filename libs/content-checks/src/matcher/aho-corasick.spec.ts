import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePatterns } from './aho-corasick.js';

/** The independent expectation: every occurrence via indexOf. */
function naive(patterns: readonly string[], text: string) {
  const out: { start: number; end: number; pattern: number }[] = [];
  const seen = new Set<string>();
  patterns.forEach((p, pattern) => {
    if (p.length === 0 || seen.has(p)) return;
    seen.add(p);
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) out.push({ start: at, end: at + p.length, pattern });
  });
  return out;
}
const order = (a: { start: number; end: number }, b: { start: number; end: number }) => a.end - b.end || a.start - b.start;

describe('compilePatterns', () => {
  it('finds overlapping and nested occurrences (he, she, his, hers)', () => {
    const m = compilePatterns(['he', 'she', 'his', 'hers']);
    expect(m.findAll('ushers')).toEqual([
      { start: 2, end: 4, pattern: 0 },
      { start: 1, end: 4, pattern: 1 },
      { start: 2, end: 6, pattern: 3 },
    ].sort(order));
  });

  it('works on Chinese and ignores empty patterns', () => {
    const m = compilePatterns(['', '信息公开', '公开', '政府信息公开条例']);
    expect(m.findAll('政府信息公开条例').map((x) => x.pattern).sort()).toEqual([1, 2, 3]);
  });

  it('agrees with a naive scan on random inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('政', '府', '信', '息', 'a', 'b'), maxLength: 4 }), { maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('政', '府', '信', '息', 'a', 'b', 'c'), maxLength: 60 }),
        (patterns, text) => {
          expect([...compilePatterns(patterns).findAll(text)].sort(order)).toEqual(naive(patterns, text).sort(order));
        },
      ),
    );
  });
});
