import { describe, expect, it } from 'vitest';
import { detectClassificationMarks } from './classification-marks.js';

const found = (text: string) => detectClassificationMarks(text).map((f) => [f.matched, f.severity]);

describe('detectClassificationMarks', () => {
  it.each(['秘密★1年', '机密★5年', '绝密★长期', '机密★十年', '秘密 ★ 6个月', '机密★'])('flags the starred mark %s as blocking', (mark) => {
    const findings = detectClassificationMarks(`关于做好有关工作的通知\n${mark}\n各单位：`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'classification_mark', severity: 'blocking', matched: mark.trim(), suggestion: null });
  });

  it('reports offsets into the scanned text', () => {
    const text = '标题\n秘密★1年\n正文';
    const [f] = detectClassificationMarks(text);
    expect(text.slice(f.start, f.end)).toBe('秘密★1年');
  });

  it('flags labelled 密级 and 保密期限 fields', () => {
    expect(found('密级：机密\n保密期限：10年\n')).toEqual([
      ['密级：机密', 'blocking'],
      ['保密期限：10年', 'blocking'],
    ]);
  });

  it('flags a line that is only a 密级 word', () => {
    expect(found('机密\n关于某事项的报告')).toEqual([['机密', 'blocking']]);
    expect(found('  工作秘密  \n正文')).toEqual([['工作秘密', 'blocking']]);
  });

  it('flags handling instructions at the start of a line as blocking, both of a pair', () => {
    expect(found('内部资料 注意保管\n正文')).toEqual([
      ['内部资料', 'blocking'],
      ['注意保管', 'blocking'],
    ]);
    expect(found('内部资料，不得外传')).toEqual([
      ['内部资料', 'blocking'],
      ['不得外传', 'blocking'],
    ]);
  });

  it('warns about handling instructions inside running text', () => {
    expect(found('会上印发了一份标有内部资料的材料。')).toEqual([['内部资料', 'warning']]);
  });

  it('does not treat 商业秘密 or 国家秘密 in a 不予公开 reason as a mark', () => {
    const reason = '（三）不予公开\n1.属于国家秘密 0\n4.保护第三方合法权益（涉及商业秘密、个人隐私） 0\n';
    expect(found(reason)).toEqual([]);
    expect(found('依法保护商业秘密，不得泄露国家机密和工作秘密。')).toEqual([]);
  });

  it('does not treat 内部事务信息 or 秘密 inside a sentence as a mark', () => {
    expect(found('5.属于三类内部事务信息 0')).toEqual([]);
    expect(found('这不是什么秘密，大家都知道。')).toEqual([]);
  });
});
