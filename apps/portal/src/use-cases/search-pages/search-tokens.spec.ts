import { describe, expect, it } from 'vitest';
import { indexTerms, plainText, queryPhrases, queryTerms } from './search-tokens.js';

describe('search terms', () => {
  it('indexes Han text as unigrams and bigrams and other text as lower-cased words', () => {
    expect(indexTerms('数字经济 2025年 GDP')).toEqual(['数', '数字', '字', '字经', '经', '经济', '济', '2025', '年', 'gdp']);
  });

  it('finds a two-character word and a longer phrase by terms the page holds', () => {
    const page = new Set(indexTerms('关于开展数字经济高质量发展调研的通知'));
    for (const query of ['通知', '数字经济', '高质量 发展', '知']) expect(queryTerms(query).every((term) => page.has(term))).toBe(true);
    expect(queryTerms('数字政府').every((term) => page.has(term))).toBe(false);
  });

  it('normalises full-width forms and case, and splits phrases on whitespace', () => {
    expect(queryTerms('ＧＤＰ')).toEqual(['gdp']);
    expect(queryPhrases('  数字经济　 GDP ')).toEqual(['数字经济', 'gdp']);
  });

  it('reads the text of a body', () => {
    expect(plainText('<p>第一段&nbsp;<strong>加粗</strong></p><p>A &amp; B</p>')).toBe('第一段 加粗 A & B');
  });
});
