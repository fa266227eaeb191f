import { describe, expect, it } from 'vitest';
import { DomainError } from '@sanshen/kernel';
import { AGENCY, decisionOf, DOC, finding, HASH, officer, person, scanOf, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { GetSecrecyReviewUseCase } from './get-secrecy-review.use-case.js';

function review(world: SecrecyWorld) {
  const { dataSource, secrecy, scan, log } = secrecyHarness(world);
  return { useCase: new GetSecrecyReviewUseCase(dataSource, secrecy, scan), log };
}

const findings = () => [finding('f-1', { severity: 'blocking' }), finding('f-2', { severity: 'blocking', disposition: 'ignored', disposedAt: new Date(0) }), finding('f-3')];

describe('GetSecrecyReviewUseCase', () => {
  it('shows the version’s findings, its scan, its decisions, the open referral and the blocking findings left', async () => {
    const { useCase, log } = review({
      current: secrecyCase('pending_secrecy', { openReferralId: 'r-1' }),
      scan: scanOf(),
      findings: findings(),
      decisions: [decisionOf('r-1')],
    });
    const view = await useCase.execute(officer, { documentId: DOC });
    expect(view).toMatchObject({
      documentId: DOC,
      version: 3,
      contentHash: HASH,
      status: 'pending_secrecy',
      scan: { id: 'scan-1', dictionaryVersion: 4, scannedAt: '2026-12-01T08:00:01.000Z' },
      openBlockingFindings: 1,
      decision: { id: 'r-1', conclusion: 'refer' },
      referral: { id: 'r-1' },
    });
    expect(view.findings.map((shown) => [shown.id, shown.disposition?.disposition ?? null])).toEqual([['f-1', null], ['f-2', 'ignored'], ['f-3', null]]);
    expect(log).toEqual([]);
  });

  it('makes a deferred scan of a version under review now', async () => {
    const { useCase, log } = review({ current: secrecyCase(), scan: null, ensure: async () => scanOf({ id: 'scan-late' }) });
    const view = await useCase.execute(officer, { documentId: DOC }, 'c-1');
    expect(log).toEqual(['scan ensure']);
    expect(view).toMatchObject({ scan: { id: 'scan-late' }, decision: null, referral: null });
  });

  it('shows no scan when the version cannot be scanned (deciding says why)', async () => {
    const { useCase } = review({ current: secrecyCase(), scan: null, ensure: () => Promise.reject(new DomainError('SECRECY.SCAN_UNAVAILABLE')) });
    expect(await useCase.execute(officer, { documentId: DOC })).toMatchObject({ scan: null, findings: [], openBlockingFindings: 0 });
  });

  it('lets a failure that is not a refusal through', async () => {
    const { useCase } = review({ current: secrecyCase(), scan: null, ensure: () => Promise.reject(new Error('database down')) });
    await expect(useCase.execute(officer, { documentId: DOC })).rejects.toThrow('database down');
  });

  it('does not scan a case that left secrecy review', async () => {
    const { useCase, log } = review({ current: secrecyCase('approved'), scan: null });
    expect((await useCase.execute(officer, { documentId: DOC })).scan).toBeNull();
    expect(log).toEqual([]);
  });

  it.each([
    ['an unknown document', officer, null, 'SECRECY.CASE_NOT_FOUND'],
    ['another agency', person('officer', ['secrecy_officer'], { agencyId: `${AGENCY}-2` }), secrecyCase(), 'DOCUMENT.NOT_FOUND'],
    ['an administrator (who reads no document content)', person('admin', ['admin']), secrecyCase(), 'DOCUMENT.NOT_FOUND'],
  ])('refuses %s', async (_label, who, current, code) => {
    await expect(review({ current, scan: scanOf() }).useCase.execute(who, { documentId: DOC })).rejects.toMatchObject({ code });
  });
});
