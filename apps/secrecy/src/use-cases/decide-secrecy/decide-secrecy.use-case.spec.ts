import { describe, expect, it } from 'vitest';
import type { SecrecyDecisionRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { AGENCY, DOC, finding, HASH, officer, person, scanOf, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { DecideSecrecyUseCase } from './decide-secrecy.use-case.js';

const ask = (conclusion: SecrecyDecisionRequest['conclusion'], changes: Partial<SecrecyDecisionRequest> = {}): SecrecyDecisionRequest => ({
  documentId: DOC,
  version: 3,
  conclusion,
  basis: ' 《政府信息公开条例》 ',
  opinion: ' 可以公开 ',
  ...changes,
});

const ready = (): SecrecyWorld => ({ current: secrecyCase(), scan: scanOf(), findings: [finding('f-1'), finding('f-2', { severity: 'blocking', disposition: 'ignored' })] });

function decide(world: SecrecyWorld) {
  const { transition, secrecy, scan, conclude, log, outbox } = secrecyHarness(world);
  return { useCase: new DecideSecrecyUseCase(transition, secrecy, scan, conclude), log, outbox };
}

describe('DecideSecrecyUseCase', () => {
  it('clears the version: the decision bound to its hash, the case approved, secrecy_cleared handed over', async () => {
    const { useCase, log, outbox } = decide(ready());
    const view = await useCase.execute(officer, ask('public'), 'c-1');
    expect(log).toEqual(['scan ensure', 'decide public', 'save case approved #10', 'emit document.secrecy_cleared #10', 'published', 'hand-over document.secrecy_cleared']);
    expect(view).toMatchObject({ documentId: DOC, version: 3, contentHash: HASH, conclusion: 'public', basis: '《政府信息公开条例》', opinion: '可以公开', reviewerId: 'officer' });
    expect(outbox.emitted[0]).toMatchObject({ correlationId: 'c-1', payload: { version: 3, contentHash: HASH, decisionId: view.id, basis: '《政府信息公开条例》' } });
  });

  it('returns the version to the drafter with its undisposed findings', async () => {
    const { useCase, log, outbox } = decide(ready());
    await useCase.execute(officer, ask('return', { opinion: '请修改' }), 'c-1');
    expect(log).toContain('save case draft #10');
    expect(outbox.emitted[0]).toMatchObject({ type: 'document.secrecy_returned', payload: { opinion: '请修改', findingIds: ['f-1'] } });
  });

  it('refers the version: the document is held (status unchanged), an informational event takes the next number', async () => {
    const { useCase, log, outbox } = decide(ready());
    const view = await useCase.execute(officer, ask('refer'), 'c-1');
    expect(log).toEqual(['scan ensure', 'decide refer', 'save case pending_secrecy #10 referred', 'emit document.secrecy.referred #10', 'published', 'hand-over document.secrecy.referred']);
    expect(outbox.emitted[0].payload).toMatchObject({ decisionId: view.id });
  });

  it('scans only a case under secrecy review at that version', async () => {
    const { useCase, log } = decide({ ...ready(), current: secrecyCase('pending_l3') });
    await expect(useCase.execute(officer, ask('public'), 'c')).rejects.toMatchObject({ code: 'DOCUMENT.INVALID_TRANSITION' });
    expect(log).toEqual([]);
  });

  it.each<[string, Actor, SecrecyWorld, SecrecyDecisionRequest, string]>([
    ['an unknown document', officer, { current: null }, ask('public'), 'DOCUMENT.NOT_FOUND'],
    ['another agency', person('officer', ['secrecy_officer'], { agencyId: `${AGENCY}-2` }), ready(), ask('public'), 'DOCUMENT.NOT_FOUND'],
    ['a stale version', officer, ready(), ask('public', { version: 2 }), 'DOCUMENT.VERSION_CONFLICT'],
    ['a pending referral', officer, { ...ready(), current: secrecyCase('pending_secrecy', { openReferralId: 'r-1' }) }, ask('public'), 'SECRECY.REFERRAL_PENDING'],
    ['a principal', person('boss', ['principal']), ready(), ask('public'), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['an officer who signed a review level', person('deputy', ['secrecy_officer']), ready(), ask('public'), 'SECRECY.REVIEWER_SIGNED'],
    ['the author', person('author', ['secrecy_officer']), ready(), ask('return'), 'REVIEW.SELF_APPROVAL'],
    ['a case already cleared', officer, { ...ready(), current: secrecyCase('approved') }, ask('public'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a version without a scan', officer, { ...ready(), scan: null, ensure: async () => scanOf() }, ask('public'), 'SECRECY.SCAN_UNAVAILABLE'],
    ['clearing over an open blocking finding', officer, { ...ready(), findings: [finding('f-9', { severity: 'blocking' })] }, ask('public'), 'SECRECY.BLOCKING_FINDINGS_OPEN'],
  ])('refuses %s and decides nothing', async (_label, who, world, request, code) => {
    const { useCase, log, outbox } = decide(world);
    await expect(useCase.execute(who, request, 'c')).rejects.toMatchObject({ code });
    expect(log.filter((entry) => entry !== 'scan ensure')).toEqual([]);
    expect(outbox.emitted).toEqual([]);
  });
});
