import { describe, expect, it } from 'vitest';
import { diffText, tokenize } from './text-diff.js';

const side = (ops: ReturnType<typeof diffText>, keep: 'delete' | 'insert'): string =>
  ops.filter((o) => o.op === 'equal' || o.op === keep).map((o) => o.text).join('');

describe('diffText', () => {
  it('marks the changed sentence only', () => {
    const from = '我局认真落实条例。全年主动公开信息120条。存在的问题如下：\n一是队伍薄弱。';
    const to = '我局认真落实条例。全年主动公开信息125条。存在的问题如下：\n一是队伍薄弱。';
    expect(diffText(from, to)).toEqual([
      { op: 'equal', text: '我局认真落实条例。' },
      { op: 'delete', text: '全年主动公开信息120条。' },
      { op: 'insert', text: '全年主动公开信息125条。' },
      { op: 'equal', text: '存在的问题如下：\n一是队伍薄弱。' },
    ]);
  });

  it.each([
    ['', '新增内容。'],
    ['删除的内容。', ''],
    ['甲。乙。丙。', '乙。丁。丙。戊'],
    ['同样的文字', '同样的文字'],
  ])('reconstructs both sides from %j → %j', (from, to) => {
    const ops = diffText(from, to);
    expect(side(ops, 'delete')).toBe(from);
    expect(side(ops, 'insert')).toBe(to);
  });

  it('gives no operations for two empty texts', () => {
    expect(diffText('', '')).toEqual([]);
  });

  it('tokenizes into sentences and lines that join back to the text', () => {
    const text = '一、总体情况\n2025年，我局……。第二句！第三句？末尾无标点';
    expect(tokenize(text).join('')).toBe(text);
    expect(tokenize(text)).toHaveLength(5);
  });
});

describe('diffText on long texts', () => {
  it('reports a replacement when the texts differ in too many sentences to align', () => {
    const from = Array.from({ length: 1_500 }, (_, i) => `甲${i}。`).join('');
    const to = Array.from({ length: 1_500 }, (_, i) => `乙${i}。`).join('');
    expect(diffText(from, to)).toEqual([
      { op: 'delete', text: from },
      { op: 'insert', text: to },
    ]);
  });
});
