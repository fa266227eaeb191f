import type { DictionaryVersionPublishedPayload } from '@sanshen/contracts';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { DictionaryCopyRepository } from '../../persistence/dictionary-copy.repository.js';
import { DictionaryCopy } from './dictionary-copy.js';

const AGENCY = 'agency-1';

function copyOf(held: DictionaryVersionPublishedPayload | null) {
  const loads: number[] = [];
  const state = { held };
  const repository = {
    version: () => Promise.resolve(state.held?.version ?? null),
    load: () => {
      loads.push(state.held?.version ?? 0);
      return Promise.resolve(state.held);
    },
  } as unknown as DictionaryCopyRepository;
  return { copy: new DictionaryCopy({ manager: {} } as DataSource, repository), loads, state };
}

const published = (version: number, wrong: string): DictionaryVersionPublishedPayload => ({
  version,
  entries: [{ wrong, right: '正确写法', category: 'typo', severity: 'blocking' }],
  exceptions: [],
  leaders: [
    { agencyId: AGENCY, name: '甄测试', title: '副市长', from: '2018-01-01', until: '2022-01-01' },
    { agencyId: AGENCY, name: '甄测试', title: '市长', from: '2022-01-01', until: null },
  ],
});

describe('DictionaryCopy (the pre-check where the content is)', () => {
  it('uses the starter dictionary and says so until a version has arrived', async () => {
    const { copy } = copyOf(null);
    const scan = await copy.scan([{ key: 'body', text: '依据中华人民共和国保密法办理。' }], AGENCY, '2026-01-01');
    expect(scan.dictionaryVersion).toBeNull();
    expect(scan.findings).toContainEqual(expect.objectContaining({ type: 'wording', suggestion: '中华人民共和国保守国家秘密法' }));
  });

  it("runs with the version it holds, the agency's leaders included, and names it", async () => {
    const { copy } = copyOf(published(7, '错误写法甲'));
    const scan = await copy.scan([{ key: 'body', text: '本文含有错误写法甲。副市长甄测试出席。' }], AGENCY, '2026-01-01');
    expect(scan.dictionaryVersion).toBe(7);
    expect(scan.findings).toContainEqual(expect.objectContaining({ type: 'wording', matched: '错误写法甲', severity: 'blocking' }));
    expect(scan.findings).toContainEqual(expect.objectContaining({ type: 'leader_title', suggestion: '市长甄测试' }));
    const elsewhere = await copy.scan([{ key: 'body', text: '副市长甄测试出席。' }], 'agency-2', '2026-01-01');
    expect(elsewhere.findings.filter((finding) => finding.type === 'leader_title')).toEqual([]);
  });

  it('compiles once per version', async () => {
    const { copy, loads, state } = copyOf(published(7, '错误写法甲'));
    await copy.scan([{ key: 'body', text: '正文' }], AGENCY, '2026-01-01');
    await copy.scan([{ key: 'body', text: '正文' }], AGENCY, '2026-01-01');
    state.held = published(8, '错误写法乙');
    const scan = await copy.scan([{ key: 'body', text: '错误写法甲，错误写法乙' }], AGENCY, '2026-01-01');
    expect(loads).toEqual([7, 8]);
    expect(scan.findings.map((finding) => finding.matched)).toEqual(['错误写法乙']);
  });
});
