import { describe, expect, it } from 'vitest';
import type { ReferralAnswerRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { DOC, finding, officer, person, scanOf, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import type { SecrecyWorld } from '../secrecy.fixture.js';
import { AnswerReferralUseCase } from './answer-referral.use-case.js';

const answer = (conclusion: ReferralAnswerRequest['conclusion'], changes: Partial<ReferralAnswerRequest> = {}): ReferralAnswerRequest => ({
  documentId: DOC,
  version: 3,
  conclusion,
  answerReference: ' 保密函〔2026〕12号 ',
  basis: '保密行政管理部门答复',
  ...changes,
});

const referred = (changes: SecrecyWorld = {}): SecrecyWorld => ({
  current: secrecyCase('pending_secrecy', { openReferralId: 'r-1' }),
  scan: scanOf(),
  findings: [finding('f-1')],
  ...changes,
});

function answerWith(world: SecrecyWorld) {
  const { transition, secrecy, conclude, log, outbox } = secrecyHarness(world);
  return { useCase: new AnswerReferralUseCase(transition, secrecy, conclude), log, outbox };
}

describe('AnswerReferralUseCase', () => {
  it('records a `public` answer as the clearing decision naming the referral, and hands the document over', async () => {
    const { useCase, log, outbox } = answerWith(referred());
    const view = await useCase.execute(officer, answer('public'), 'c-1');
    expect(log).toEqual(['decide public', 'save case approved #10', 'emit document.secrecy_cleared #10', 'published', 'hand-over document.secrecy_cleared']);
    expect(view).toMatchObject({
      conclusion: 'public',
      referralDecisionId: 'r-1',
      answerReference: '保密函〔2026〕12号',
      opinion: '保密行政管理部门答复（保密函〔2026〕12号）：可以公开',
    });
    expect(outbox.emitted[0].payload).toMatchObject({ decisionId: view.id });
  });

  it('records a `return` answer with the officer’s own opinion when given', async () => {
    const { useCase, outbox } = answerWith(referred());
    const view = await useCase.execute(officer, answer('return', { opinion: ' 涉及敏感信息 ' }), 'c-1');
    expect(view).toMatchObject({ conclusion: 'return', opinion: '涉及敏感信息', referralDecisionId: 'r-1' });
    expect(outbox.emitted[0]).toMatchObject({ type: 'document.secrecy_returned', payload: { findingIds: ['f-1'] } });
  });

  it.each<[string, Actor, SecrecyWorld, ReferralAnswerRequest, string]>([
    ['an unknown document', officer, { current: null }, answer('public'), 'DOCUMENT.NOT_FOUND'],
    ['a stale version', officer, referred(), answer('public', { version: 2 }), 'DOCUMENT.VERSION_CONFLICT'],
    ['a case with no referral', officer, referred({ current: secrecyCase() }), answer('public'), 'SECRECY.NO_REFERRAL'],
    ['a drafter', person('drafter', ['drafter'], { departmentId: 'd-1' }), referred(), answer('public'), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a signer of the version', person('head', ['secrecy_officer']), referred(), answer('return'), 'SECRECY.REVIEWER_SIGNED'],
    ['clearing over an open blocking finding', officer, referred({ findings: [finding('f-9', { severity: 'blocking' })] }), answer('public'), 'SECRECY.BLOCKING_FINDINGS_OPEN'],
  ])('refuses %s and records nothing', async (_label, who, world, request, code) => {
    const { useCase, log } = answerWith(world);
    await expect(useCase.execute(who, request, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });
});
