import { describe, expect, it } from 'vitest';
import type { DisposeFindingRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { AGENCY, DOC, finding, HASH, officer, person, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { DisposeFindingUseCase } from './dispose-finding.use-case.js';

const dispose = (disposition: DisposeFindingRequest['disposition'], changes: Partial<DisposeFindingRequest> = {}): DisposeFindingRequest => ({
  documentId: DOC,
  findingId: 'f-1',
  disposition,
  reason: ' 专有名词 ',
  ...changes,
});

const underReview = (changes: SecrecyWorld = {}): SecrecyWorld => ({ current: secrecyCase(), findings: [finding('f-1')], ...changes });

function disposeWith(world: SecrecyWorld) {
  const { transition, secrecy, dictionary, publisher, log, outbox } = secrecyHarness(world);
  return { useCase: new DisposeFindingUseCase(transition, secrecy, dictionary, publisher), log, outbox };
}

describe('DisposeFindingUseCase', () => {
  it('ignores a finding for this version: the disposition with its reason and who, into the ledger', async () => {
    const { useCase, log, outbox } = disposeWith(underReview());
    const view = await useCase.execute(officer, dispose('ignored'), 'c-1');
    expect(log).toEqual(['save finding f-1 ignored', 'save case pending_secrecy #10', 'emit document.secrecy.finding_disposed #10', 'published']);
    expect(view.disposition).toMatchObject({ disposition: 'ignored', reason: '专有名词', byId: 'officer' });
    expect(outbox.emitted[0].payload).toEqual({
      version: 3,
      contentHash: HASH,
      findingId: 'f-1',
      findingType: 'wording',
      severity: 'warning',
      section: 'body',
      disposition: 'ignored',
      reason: '专有名词',
      dictionaryVersion: null,
    });
  });

  it('whitelists the matched text as a dictionary exception: a new dictionary version named in the event', async () => {
    const { useCase, log, outbox } = disposeWith(underReview());
    await useCase.execute(officer, dispose('whitelisted'), 'c-1');
    expect(log.slice(0, 2)).toEqual([`version 5 by officer (专有名词): add exception 帐号（文档 ${DOC} 第3版检查问题加入例外）`, 'add exception 帐号 of f-1 in 5']);
    expect(outbox.emitted[0].payload).toMatchObject({ disposition: 'whitelisted', dictionaryVersion: 5 });
  });

  it('opens no dictionary version when the text already is an exception', async () => {
    const { useCase, log, outbox } = disposeWith(underReview({ exceptions: ['帐号'] }));
    await useCase.execute(officer, dispose('whitelisted'), 'c-1');
    expect(log[0]).toBe('save finding f-1 whitelisted');
    expect(outbox.emitted[0].payload).toMatchObject({ dictionaryVersion: null });
  });

  it.each<[string, Actor, SecrecyWorld, DisposeFindingRequest, string]>([
    ['no reason', officer, underReview(), dispose('ignored', { reason: '  ' }), 'SECRECY.REASON_REQUIRED'],
    ['`fixed` (only a new version fixes)', officer, underReview(), dispose('fixed'), 'SECRECY.FIX_NEEDS_NEW_VERSION'],
    ['another agency', person('officer', ['secrecy_officer'], { agencyId: `${AGENCY}-2` }), underReview(), dispose('ignored'), 'DOCUMENT.NOT_FOUND'],
    ['an unknown finding', officer, underReview(), dispose('ignored', { findingId: 'f-404' }), 'SECRECY.FINDING_NOT_FOUND'],
    ['a finding of an earlier version', officer, underReview({ findings: [finding('f-1', { version: 2 })] }), dispose('ignored'), 'SECRECY.FINDING_NOT_FOUND'],
    ['a case no longer under review', officer, underReview({ current: secrecyCase('approved') }), dispose('ignored'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a finding already disposed', officer, underReview({ findings: [finding('f-1', { disposition: 'ignored' })] }), dispose('ignored'), 'SECRECY.FINDING_ALREADY_DISPOSED'],
    ['a principal', person('boss', ['principal']), underReview(), dispose('ignored'), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['an officer who signed the version', person('principal', ['secrecy_officer']), underReview(), dispose('ignored'), 'SECRECY.REVIEWER_SIGNED'],
    ['whitelisting personal data', officer, underReview({ findings: [finding('f-1', { type: 'id_card_number' })] }), dispose('whitelisted'), 'SECRECY.WHITELIST_NOT_ALLOWED'],
  ])('refuses %s and records nothing', async (_label, who, world, request, code) => {
    const { useCase, log } = disposeWith(world);
    await expect(useCase.execute(who, request, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });
});
