import { describe, expect, it } from 'vitest';
import { compileDictionary } from './dictionary/compile-dictionary.js';
import { STARTER_DICTIONARY, STARTER_EXCEPTIONS } from './dictionary/starter-dictionary.js';
import { compileLeaders } from './leaders/leader-tenure.js';
import { scanSections } from './scan-sections.js';
import { scanText } from './scan-text.js';

const { dictionary } = compileDictionary(STARTER_DICTIONARY, STARTER_EXCEPTIONS);

function scan(text: string, options: Parameters<typeof scanText>[1] = {}) {
  const result = scanText(text, options);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('scanText', () => {
  const text = [
    '秘密★1年',
    '关于转发国办发[2019]1号文件的通知',
    '根据《中华人民共和国政务信息',
    '公开条例》，截止目前，经办人电话13812345678，2021年2月30日前完成的的工作。',
  ].join('\n');

  it('runs every detector and reports offsets into the original text, in document order', () => {
    const findings = scan(text, { dictionary });
    expect(findings.map((f) => [f.type, f.matched])).toEqual([
      ['classification_mark', '秘密★1年'],
      ['document_number_format', '[2019]1号'],
      ['wording', '政务信息\n公开条例'],
      ['wording', '截止目前'],
      ['mobile_number', '13812345678'],
      ['impossible_date', '2021年2月30日'],
      ['doubled_word', '的的'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.matched);
  });

  it('turns detectors off by type', () => {
    const findings = scan(text, { dictionary, checks: { wording: false, mobile_number: false } });
    expect(findings.some((f) => f.type === 'wording' || f.type === 'mobile_number')).toBe(false);
    expect(findings).toHaveLength(4);
  });

  it('drops findings inside per-scan exception phrases, of any detector', () => {
    const findings = scan('完成的的工作；截止目前。', { dictionary, exceptions: ['完成的的工作', '截止目前'] });
    expect(findings).toEqual([]);
  });

  it('reports a personal number once: a mobile inside an e-mail address is the e-mail finding', () => {
    expect(scan('邮箱13812345678@qq.com').map((f) => f.type)).toEqual(['personal_email']);
  });

  it('checks leaders against the document date', () => {
    const { leaders } = compileLeaders([{ name: '甄时明', title: '市长', from: '2020-03-01' }]);
    expect(scan('甄时明市长讲话', { leaders, documentDate: '2019-05-01' }).map((f) => f.type)).toEqual(['leader_title']);
    expect(scan('甄时明市长讲话', { leaders, documentDate: '2021-05-01' })).toEqual([]);
  });

  it('returns an error, not a throw, for a bad or missing document date', () => {
    expect(scanText('x', { documentDate: '2021-02-30' })).toMatchObject({ ok: false, error: { code: 'CONTENT_CHECKS.INVALID_DOCUMENT_DATE' } });
    const { leaders } = compileLeaders([]);
    expect(scanText('x', { leaders })).toMatchObject({ ok: false, error: { code: 'CONTENT_CHECKS.DOCUMENT_DATE_REQUIRED' } });
  });

  it('finds nothing in clean text', () => {
    expect(scan('2019年，市工业和信息化局认真贯彻落实《中华人民共和国政府信息公开条例》，联系电话：0972-8611234。', { dictionary })).toEqual([]);
  });
});

describe('scanSections', () => {
  it('tags each finding with its section key and section-relative offsets', () => {
    const result = scanSections(
      [
        { key: 'title', text: '政府信息公开年度工作报告' },
        { key: 'body', text: '无问题。' },
        { key: 'contact', text: '联系人手机13812345678' },
      ],
      { dictionary },
    );
    expect(result.ok && result.value.map((f) => [f.section, f.type, f.start])).toEqual([
      ['title', 'wording', 0],
      ['contact', 'mobile_number', 5],
    ]);
  });

  it('passes the first error through', () => {
    expect(scanSections([{ key: 'a', text: '' }], { documentDate: 'tomorrow' }).ok).toBe(false);
  });
});

describe('the starter dictionary', () => {
  it('has at least 150 entries and compiles without rejections', () => {
    const compiled = compileDictionary(STARTER_DICTIONARY, STARTER_EXCEPTIONS);
    expect(STARTER_DICTIONARY.length).toBeGreaterThanOrEqual(150);
    expect(compiled.rejected).toEqual([]);
  });

  it('never flags its own right forms', () => {
    const rights = STARTER_DICTIONARY.map((e) => e.right).join('\n');
    expect(scan(rights, { dictionary, checks: { unbalanced_bracket: false } }).filter((f) => f.type === 'wording')).toEqual([]);
  });
});
