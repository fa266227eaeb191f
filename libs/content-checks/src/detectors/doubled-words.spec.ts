import { describe, expect, it } from 'vitest';
import { detectDoubledWords } from './doubled-words.js';

const matched = (text: string) => detectDoubledWords(text).map((f) => f.matched);

describe('detectDoubledWords', () => {
  it.each([
    ['我们的的工作', '的的'],
    ['进一步明确各各科室', '各各'],
    ['至12月28日日止', '日日'],
    ['请与威海市市工业和信息化局联系', '市市'],
    ['我们我们要加强', '我们我们'],
    ['做好信息公开信息公开工作', '信息公开信息公开'],
  ])('flags %s', (text, doubled) => {
    const findings = detectDoubledWords(text);
    expect(findings.map((f) => f.matched)).toEqual([doubled]);
    expect(findings[0]).toMatchObject({ type: 'doubled_word', severity: 'warning', suggestion: doubled.slice(0, doubled.length / 2) });
  });

  it.each(['常常', '看看', '人人', '天天', '年年', '紧紧围绕', '层层落实', '钉钉工作群', '等等'])('allows the reduplication %s', (text) => {
    expect(matched(text)).toEqual([]);
  });

  it.each(['认认真真', '扎扎实实', '方方面面', '家家户户', '不了了之', '为了了解情况', '研究研究', '一步一步'])('allows %s', (text) => {
    expect(matched(text)).toEqual([]);
  });

  it.each(['完成三项项目节能审查', '海东市市长', '坚持人民民主专政', '改进工作作风', '2019年年底', '召开常委会会议', '中国国家统计局'])(
    'allows the word boundary in %s',
    (text) => {
      expect(matched(text)).toEqual([]);
    },
  );

  it('ignores digits and Latin letters', () => {
    expect(matched('0 0 0 00 QQ群 100%')).toEqual([]);
  });
});
