import type { ContentFindingView } from '@sanshen/contracts';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../../../../test/support/domain-error.js';
import { explainBlockingFindings } from './explained-findings.js';

const finding = (key: string, severity: 'blocking' | 'warning'): ContentFindingView => ({
  key,
  section: 'body',
  type: severity === 'blocking' ? 'id_card_number' : 'doubled_word',
  severity,
  start: 3,
  end: 21,
  matched: severity === 'blocking' ? '11010519491231002X' : '的的',
  suggestion: null,
  message: severity === 'blocking' ? '疑似居民身份证号' : '疑似重复字',
});

describe('explainBlockingFindings', () => {
  it('lets a version without blocking findings through with nothing to explain', () => {
    expect(explainBlockingFindings([finding('w', 'warning')], undefined)).toEqual([]);
  });

  it('refuses while a blocking finding has no explanation, naming only the unexplained ones', () => {
    const error = refusal(() => explainBlockingFindings([finding('a', 'blocking'), finding('b', 'blocking')], { a: '公示需要，已征得本人同意', b: '  ' }));
    expect(error.code).toBe('DOCUMENT.FINDINGS_UNEXPLAINED');
    expect((error.details as { findings: { key: string }[] }).findings.map((entry) => entry.key)).toEqual(['b']);
  });

  it('keeps each blocking finding with its explanation', () => {
    expect(explainBlockingFindings([finding('a', 'blocking'), finding('w', 'warning')], { a: ' 公示需要 ' })).toEqual([
      { key: 'a', section: 'body', type: 'id_card_number', matched: '11010519491231002X', message: '疑似居民身份证号', explanation: '公示需要' },
    ]);
  });
});
