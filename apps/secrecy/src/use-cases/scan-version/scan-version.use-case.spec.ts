import { describe, expect, it } from 'vitest';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentVersionView } from '@sanshen/contracts';
import { contentHashOf, DomainError } from '@sanshen/kernel';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AGENCY, DEPT, DOC, finding, scanOf, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { DictionarySnapshots } from './dictionary-snapshot.js';
import { ScanVersionUseCase } from './scan-version.use-case.js';

const content = { title: '关于开展检查的通知', body: '<p>请登录帐号后填报。</p>' };
const signed = secrecyCase('pending_secrecy', { contentHash: contentHashOf(content) });
const version = (changes: Partial<DocumentVersionView> = {}): DocumentVersionView => ({
  documentId: DOC,
  version: 3,
  contentHash: contentHashOf(content),
  kind: 'article',
  title: content.title,
  agencyId: AGENCY,
  agencyName: '测试局',
  departmentId: DEPT,
  authorId: 'author',
  content,
  createdAt: '2026-11-30T00:00:00.000Z',
  ...changes,
});
const words = [{ wrong: '帐号', right: '账号', category: 'typo' as const }];
const GET = `${DRAFTING_RPC.getVersion} as system@${AGENCY}`;

function scanning(world: SecrecyWorld) {
  const harness = secrecyHarness({ words, dictionaryVersion: 6, version: version(), ...world });
  const logger = { child: () => logger, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
  const snapshots = new DictionarySnapshots(harness.dictionary);
  return { ...harness, useCase: new ScanVersionUseCase(harness.dataSource, harness.secrecy, snapshots, harness.drafting, logger) };
}

describe('ScanVersionUseCase', () => {
  it('fetches the signed version as the system, scans it with the current dictionary and stores the findings with its version', async () => {
    const { useCase, log } = scanning({ scan: null });
    const scan = await useCase.ensure(signed, 'c-1');
    expect(scan).toMatchObject({ documentId: DOC, version: 3, contentHash: signed.contentHash, dictionaryVersion: 6 });
    expect(log).toEqual([GET, 'add scan v3 (dictionary 6): body 帐号']);
  });

  it('marks fixed the open findings of earlier versions that the new version no longer has', async () => {
    const gone = finding('old-1', { version: 2, matched: '登陆' });
    const kept = finding('old-2', { version: 2, section: 'body', type: 'wording', matched: '帐号' });
    const { useCase, log } = scanning({ scan: null, earlierFindings: [gone, kept] });
    const scan = await useCase.ensure(signed, 'c-1');
    expect(log.slice(2)).toEqual(['save finding old-1 fixed']);
    expect(gone).toMatchObject({ dispositionReason: '第3版已修改', disposedById: 'system', disposedAt: scan.scannedAt });
    expect(kept.disposition).toBeNull();
  });

  it('returns the version’s existing scan without asking drafting (one scan per version)', async () => {
    const { useCase, log } = scanning({ scan: scanOf({ id: 'scan-0' }) });
    expect((await useCase.ensure(signed, 'c')).id).toBe('scan-0');
    expect(log).toEqual([]);
  });

  it('returns the scan stored first when another scan of the version won the race', async () => {
    const { useCase, secrecy } = scanning({ scan: null, scanStored: false });
    const winner = scanOf({ id: 'scan-winner' });
    let reads = 0;
    secrecy.findScan = async () => (reads++ === 0 ? null : winner);
    expect(await useCase.ensure(signed, 'c')).toBe(winner);
  });

  it.each<[string, SecrecyWorld, string]>([
    ['content that is not what 三审 signed', { version: version({ content: { ...content, body: '<p>改过</p>' } }) }, 'DOCUMENT.HASH_MISMATCH'],
    ['another version than the one signed', { version: version({ version: 4 }) }, 'DOCUMENT.HASH_MISMATCH'],
    ['drafting unreachable', { version: new Error('ECONNREFUSED') }, 'SECRECY.SCAN_UNAVAILABLE'],
    ['drafting unavailable', { version: new DomainError('SERVICE.UNAVAILABLE') }, 'SECRECY.SCAN_UNAVAILABLE'],
    ['drafting refusing', { version: new DomainError('DOCUMENT.NOT_FOUND') }, 'DOCUMENT.NOT_FOUND'],
  ])('refuses %s and stores nothing', async (_label, world, code) => {
    const { useCase, log } = scanning({ scan: null, ...world });
    await expect(useCase.ensure(signed, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([GET]);
  });

  it('scans in the caller’s transaction when 三审 ends, and defers a version drafting cannot give now', async () => {
    const stored = scanning({});
    await stored.useCase.tryInto({} as EntityManager, signed, 'c');
    expect(stored.log).toEqual([GET, 'add scan v3 (dictionary 6): body 帐号']);
    const deferred = scanning({ version: new DomainError('SERVICE.UNAVAILABLE') });
    await expect(deferred.useCase.tryInto({} as EntityManager, signed, 'c')).resolves.toBeUndefined();
    expect(deferred.log).toEqual([GET]);
  });
});
