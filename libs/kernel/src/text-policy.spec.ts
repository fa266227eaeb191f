import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
import { characterLength, checkText, codePointViolation, jsonNestingExceeds, stripForbiddenText } from './text-policy.js';

/** Written from issue #11, not from the code: what a title on the government portal must never hold. */
const REFUSED_EVERYWHERE: [string, number, string][] = [
  ['NUL', 0x00, 'control'],
  ['BEL', 0x07, 'control'],
  ['ESC', 0x1b, 'control'],
  ['DEL', 0x7f, 'control'],
  ['C1 NEL', 0x85, 'control'],
  ['C1 CSI', 0x9b, 'control'],
  ['LRM', 0x200e, 'bidi_control'],
  ['RLM', 0x200f, 'bidi_control'],
  ['ALM', 0x061c, 'bidi_control'],
  ['LRE', 0x202a, 'bidi_control'],
  ['RLO', 0x202e, 'bidi_control'],
  ['LRO', 0x202d, 'bidi_control'],
  ['LRI', 0x2066, 'bidi_control'],
  ['PDI', 0x2069, 'bidi_control'],
  ['BOM', 0xfeff, 'byte_order_mark'],
  ['LINE SEPARATOR', 0x2028, 'unicode_separator'],
  ['PARAGRAPH SEPARATOR', 0x2029, 'unicode_separator'],
  ['noncharacter U+FDD0', 0xfdd0, 'noncharacter'],
  ['noncharacter U+FFFE', 0xfffe, 'noncharacter'],
  ['noncharacter U+1FFFF', 0x1ffff, 'noncharacter'],
  ['noncharacter U+10FFFF', 0x10ffff, 'noncharacter'],
];

describe('checkText', () => {
  it.each(REFUSED_EVERYWHERE)('refuses %s in single-line and multi-line text, naming where', (_name, codePoint, kind) => {
    for (const mode of ['single', 'multi'] as const) {
      const result = checkText(`关于${String.fromCodePoint(codePoint)}通知`, mode);
      expect(result).toEqual({ ok: false, error: { kind, index: 2, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` } });
    }
  });

  it('refuses lone surrogates, high or low, at any place, but accepts a pair', () => {
    expect(checkText('标题\uD800', 'single')).toMatchObject({ ok: false, error: { kind: 'lone_surrogate', index: 2, codePoint: 'U+D800' } });
    expect(checkText('\uDC00标题', 'multi')).toMatchObject({ ok: false, error: { kind: 'lone_surrogate', index: 0 } });
    expect(checkText('\uDC00\uD800', 'multi')).toMatchObject({ ok: false, error: { kind: 'lone_surrogate', index: 0 } });
    expect(checkText('𠀀 emoji 😀', 'single')).toEqual({ ok: true, value: '𠀀 emoji 😀' });
  });

  it('allows tab and line breaks in multi-line text only', () => {
    for (const char of ['\t', '\n', '\r']) {
      expect(checkText(`第一段${char}第二段`, 'multi')).toEqual({ ok: true, value: `第一段${char}第二段` });
      expect(checkText(`第一段${char}第二段`, 'single')).toMatchObject({ ok: false, error: { kind: 'line_break', index: 3 } });
    }
  });

  it('counts the index in characters, not UTF-16 units', () => {
    expect(checkText('😀😀\u0007', 'single')).toMatchObject({ ok: false, error: { index: 2 } });
  });

  it('normalises accepted text to NFC', () => {
    expect(checkText('e\u0301', 'single')).toEqual({ ok: true, value: '\u00e9' });
    expect(checkText('\u212b', 'single')).toEqual({ ok: true, value: '\u00c5' });
  });

  it('accepts ordinary Chinese, punctuation, full-width and CJK extension text unchanged', () => {
    const text = '海东市工业和信息化局2025年政府信息公开工作年度报告（第一部分）——“说明”：《条例》第五十条';
    expect(checkText(text, 'single')).toEqual({ ok: true, value: text });
  });

  it('never lets a refused code point through and never throws, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('single', 'multi'), (value, mode) => {
        const result = checkText(value, mode);
        const refused = [...value].some((char) => codePointViolation(char.codePointAt(0)!, mode) !== null);
        expect(result.ok).toBe(!refused);
        if (result.ok) expect(result.value).toBe(value.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
    // Generous: a loaded two-core CI machine runs many spec files at once.
  }, 30_000);

  it('accepts what it normalised and what stripForbiddenText left (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('single', 'multi'), (value, mode) => {
        const stripped = stripForbiddenText(value, mode);
        expect(checkText(stripped, mode)).toEqual({ ok: true, value: stripped });
        // Every string PostgreSQL can store: valid UTF-16 (no lone surrogate) and no NUL.
        expect(stripped).not.toMatch(LONE_SURROGATE);
        expect(stripped.includes('\u0000')).toBe(false);
      }),
      { numRuns: 200 },
    );
    // Generous: a loaded two-core CI machine runs many spec files at once.
  }, 30_000);
});

describe('characterLength', () => {
  it('counts code points', () => {
    expect(characterLength('😀标题')).toBe(3);
    expect('😀标题'.length).toBe(4);
  });
});

describe('jsonNestingExceeds', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('refuses nesting beyond the limit and accepts up to it', () => {
    expect(jsonNestingExceeds(nested(64), 64)).toBe(false);
    expect(jsonNestingExceeds(nested(65), 64)).toBe(true);
    expect(jsonNestingExceeds(`{"a":${'{"a":'.repeat(70)}1${'}'.repeat(71)}`, 64)).toBe(true);
    expect(jsonNestingExceeds('['.repeat(10_000), 64)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingExceeds(JSON.stringify({ title: '['.repeat(500) }), 64)).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ title: `\\"${'{'.repeat(500)}` }), 64)).toBe(false);
  });

  it('agrees with the real nesting of any JSON value (property)', () => {
    const depthOf = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        expect(jsonNestingExceeds(JSON.stringify(value), limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 300 },
    );
  });
});
