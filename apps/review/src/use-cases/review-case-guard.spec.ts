import { describe, expect, it } from 'vitest';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { APPROVAL_EVENT } from '@sanshen/workflow';
import type { DelegatedDuty } from '../domain/reviewer-capacity.js';
import type { ReviewCase, ReviewSignature } from '../domain/review-case.js';
import { authorizeReviewDecision } from './review-case-guard.js';

const AGENCY = 'a-1';
const DEPT = 'd-1';

function actor(userId: string, roles: Role[], extra: Partial<Actor> = {}): Actor {
  return { userId, agencyId: AGENCY, agencyName: '测试局', departmentId: DEPT, roles, oversees: [], displayName: userId, ...extra };
}

function caseAt(status: ReviewCase['status']): ReviewCase {
  return { documentId: 'doc', agencyId: AGENCY, departmentId: DEPT, authorId: 'author', status, version: 1 } as ReviewCase;
}

function signed(signerId: string, level: 1 | 2 | 3): Pick<ReviewSignature, 'signerId' | 'level'> {
  return { signerId, level };
}

const duty = (from: string, roles: Role[], extra: Partial<DelegatedDuty> = {}): DelegatedDuty => ({
  agencyId: AGENCY,
  fromUserId: from,
  fromName: `${from}-name`,
  roles,
  departmentId: DEPT,
  oversees: [DEPT],
  ...extra,
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'ok';
}

const approve = (who: Actor, status: ReviewCase['status'], approvals: Pick<ReviewSignature, 'signerId' | 'level'>[] = [], delegations: DelegatedDuty[] = [], expectedLevel?: 1 | 2 | 3) =>
  authorizeReviewDecision({ actor: who, reviewCase: caseAt(status), event: (level) => APPROVAL_EVENT[level], approvals, delegations, expectedLevel: expectedLevel ?? null });

describe('authorizeReviewDecision', () => {
  it('lets the department head sign 一审, as themselves', () => {
    expect(approve(actor('head', ['dept_head']), 'pending_l1')).toMatchObject({ level: 1, next: 'pending_l2', onBehalfOf: null });
  });

  it('refuses the author, with or without a delegation: REVIEW.SELF_APPROVAL', () => {
    expect(codeOf(() => approve(actor('author', ['drafter', 'dept_head']), 'pending_l1'))).toBe('REVIEW.SELF_APPROVAL');
    expect(codeOf(() => approve(actor('author', ['drafter']), 'pending_l1', [], [duty('head', ['dept_head'])]))).toBe('REVIEW.SELF_APPROVAL');
  });

  it('refuses a delegate standing in for the author', () => {
    expect(codeOf(() => approve(actor('x', ['publisher']), 'pending_l1', [], [duty('author', ['dept_head'])]))).toBe('REVIEW.SELF_APPROVAL');
  });

  it('refuses a second level of the same version to the same person, also under a delegation: REVIEW.ALREADY_SIGNED', () => {
    const both = actor('head', ['dept_head', 'deputy'], { oversees: [DEPT] });
    expect(codeOf(() => approve(both, 'pending_l2', [signed('head', 1)]))).toBe('REVIEW.ALREADY_SIGNED');
    expect(codeOf(() => approve(actor('head', ['dept_head']), 'pending_l2', [signed('head', 1)], [duty('deputy', ['deputy'])]))).toBe(
      'REVIEW.ALREADY_SIGNED',
    );
    // Signing the same level again (after 驳回上一级) is allowed.
    expect(approve(actor('head', ['dept_head']), 'pending_l1', [signed('head', 1)]).level).toBe(1);
  });

  it('lets a delegate act with the delegator’s role and scope, recording on whose behalf', () => {
    const decision = approve(actor('pub', ['publisher'], { departmentId: 'd-9' }), 'pending_l2', [signed('head', 1)], [duty('deputy', ['deputy'])]);
    expect(decision).toMatchObject({ level: 2, next: 'pending_l3', onBehalfOf: { userId: 'deputy', displayName: 'deputy-name' } });
    expect(decision.eventActor).toMatchObject({ userId: 'pub', roles: ['publisher', 'deputy'], onBehalfOf: { userId: 'deputy' } });
  });

  it('answers a decision on a level the case has left with 409, and a level not yet reached with 403', () => {
    expect(codeOf(() => approve(actor('head', ['dept_head']), 'pending_l2'))).toBe('DOCUMENT.INVALID_TRANSITION');
    expect(codeOf(() => approve(actor('deputy', ['deputy'], { oversees: [DEPT] }), 'pending_l1'))).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    expect(codeOf(() => approve(actor('deputy', ['deputy'], { oversees: [DEPT] }), 'pending_l2', [], [], 1))).toBe('DOCUMENT.INVALID_TRANSITION');
    expect(codeOf(() => approve(actor('head', ['dept_head']), 'draft'))).toBe('DOCUMENT.INVALID_TRANSITION');
  });

  it('refuses a head of another department: DOCUMENT.NOT_IN_SCOPE', () => {
    expect(codeOf(() => approve(actor('other', ['dept_head'], { departmentId: 'd-2' }), 'pending_l1'))).toBe('DOCUMENT.NOT_IN_SCOPE');
  });
});
