import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../dictionary/compile-dictionary.js';
import type { WordingEntry } from '../dictionary/wording-entry.js';
import { detectWording } from './wording.js';

const entries: WordingEntry[] = [
  { wrong: '政务信息公开条例', right: '政府信息公开条例', category: 'statute', severity: 'blocking' },
  { wrong: '国务院办', right: '国务院办公厅', category: 'agency' },
  { wrong: '截止目前', right: '截至目前', category: 'legal' },
  { wrong: '以法治国', right: '依法治国', category: 'political' },
  { wrong: '法人代表', right: '法定代表人', category: 'legal', note: '法律用语' },
];

describe('detectWording', () => {
  const { dictionary } = compileDictionary(entries, ['所以法治']);

  it('flags a wrong term with its right form and category message', () => {
    const text = '认真贯彻《中华人民共和国政务信息公开条例》。';
    const { findings } = detectWording(text, dictionary);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      type: 'wording',
      severity: 'blocking',
      matched: '政务信息公开条例',
      suggestion: '政府信息公开条例',
      message: '法律法规名称有误：“政务信息公开条例”应为“政府信息公开条例”',
    });
    expect(text.slice(findings[0].start, findings[0].end)).toBe('政务信息公开条例');
  });

  it('defaults to warning and appends the note', () => {
    const [f] = detectWording('由法人代表签字', dictionary).findings;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('（法律用语）');
  });

  it('does not flag a wrong form inside its own right form', () => {
    expect(detectWording('国务院办公厅印发', dictionary).findings).toEqual([]);
    expect(detectWording('报国务院办审批', dictionary).findings.map((f) => f.matched)).toEqual(['国务院办']);
  });

  it('does not flag inside an exception phrase, and reports where exceptions are', () => {
    const scan = detectWording('之所以法治国家建设成效显著', dictionary);
    expect(scan.findings).toEqual([]);
    expect(scan.exceptionRanges).toEqual([{ start: 1, end: 5, pattern: expect.any(Number) }]);
  });

  it('finds every occurrence, non-overlapping', () => {
    expect(detectWording('截止目前…截止目前', dictionary).findings.map((f) => f.start)).toEqual([0, 5]);
  });
});

describe('compileDictionary', () => {
  it('rejects empty, identical, duplicate and excepted entries and keeps the rest', () => {
    const { dictionary, rejected } = compileDictionary(
      [
        { wrong: ' ', right: 'x', category: 'typo' },
        { wrong: '部署', right: '部署', category: 'typo' },
        { wrong: '布署', right: '部署', category: 'typo' },
        { wrong: '布署', right: '部署', category: 'typo' },
        { wrong: '法制办', right: '司法局', category: 'agency' },
      ],
      ['法制办'],
    );
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'empty'],
      [1, 'same_as_right'],
      [3, 'duplicate'],
      [4, 'inside_exception'],
    ]);
    expect(dictionary.entries.map((e) => e.wrong)).toEqual(['布署']);
  });
});
