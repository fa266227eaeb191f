import { describe, expect, it } from 'vitest';
import { detectUnbalancedBrackets } from './unbalanced-brackets.js';

const found = (text: string) => detectUnbalancedBrackets(text).map((f) => [f.matched, f.start]);

describe('detectUnbalancedBrackets', () => {
  it('accepts balanced and nested pairs, across lines', () => {
    expect(found('根据《中\n\n华人民共和国政府信息公开条例》（以下简称“《条例》”）【注】〔2019〕‘甲’')).toEqual([]);
  });

  it('flags an unclosed opener', () => {
    expect(found('根据《政府信息公开条例规定')).toEqual([['《', 2]]);
  });

  it('flags a closer without opener', () => {
    expect(found('以下简称条例）')).toEqual([['）', 6]]);
  });

  it('flags the inner opener when an outer closer arrives first', () => {
    expect(found('（见《条例）')).toEqual([['《', 2]]);
  });

  it('flags unpaired curly quotes', () => {
    expect(found('按照“以公开为常态、不公开为例外原则')).toEqual([['“', 2]]);
  });

  it('ignores ASCII brackets', () => {
    expect(found('(1) 1) [a')).toEqual([]);
  });
});
