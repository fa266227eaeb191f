import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STARTER_DICTIONARY, STARTER_EXCEPTIONS, compileDictionary, scanText } from './index.js';

/** The five real reports kept as test fixtures (`test/fixtures/reference`, sources in its SOURCES.md). */
const REFERENCE = fileURLToPath(new URL('../../../test/fixtures/reference/', import.meta.url));

/**
 * Every finding on the five real annual reports, each judged by hand in
 * docs/content-checks-reference-scan.md (all six are true problems; the one false alarm found
 * while building, 钉钉 the app name, was fixed in the allow list).
 */
const EXPECTED: Record<string, readonly (readonly [type: string, matched: string, suggestion: string | null])[]> = {
  '000_haidong-gongxin-2019.txt': [['wording', '政务信息公开条例', '政府信息公开条例']],
  '001_haidong-zhengwufuwu-2019.txt': [],
  '002_zibo-gongxin-2019.txt': [['doubled_word', '各各', '各']],
  '003_haidong-pinpai-2021.txt': [['doubled_word', '日 日', '日']],
  '004_weihai-gongxin-2020.txt': [
    ['wording', '政府信息公开年度工作报告', '政府信息公开工作年度报告'],
    ['doubled_word', '市市', '市'],
    ['wording', '国际秘密', '国家秘密'],
  ],
};

describe('the five reference annual reports', () => {
  const { dictionary } = compileDictionary(STARTER_DICTIONARY, STARTER_EXCEPTIONS);
  const files = readdirSync(REFERENCE).filter((file) => file.endsWith('.txt')).sort();

  it('are all present', () => {
    expect(files).toEqual(Object.keys(EXPECTED));
  });

  it.each(files)('%s yields exactly the reviewed findings', (file) => {
    const text = readFileSync(`${REFERENCE}/${file}`, 'utf8');
    const result = scanText(text, { dictionary, documentDate: '2022-01-15' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const f of result.value) expect(text.slice(f.start, f.end)).toBe(f.matched);
    expect(result.value.map((f) => [f.type, f.matched, f.suggestion])).toEqual(EXPECTED[file]);
  });
});
