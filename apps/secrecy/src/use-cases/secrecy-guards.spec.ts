import type { Actor, Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { SecrecyCaseOrmEntity } from '../persistence/secrecy-case.orm-entity.js';
import { assertSeparated, assertUnderSecrecyReview, assertVersion, caseInAgency } from './secrecy-guards.js';
import { codeOf } from '../../../../test/support/domain-error.js';

function actor(userId: string, roles: Role[] = ['secrecy_officer'], agencyId = 'a1'): Actor {
  return { userId, agencyId, agencyName: '', departmentId: null, roles, oversees: [], displayName: userId };
}

function secrecyCase(): SecrecyCaseOrmEntity {
  return Object.assign(new SecrecyCaseOrmEntity(), {
    documentId: 'd1',
    agencyId: 'a1',
    departmentId: 'dep',
    authorId: 'author',
    title: 't',
    version: 3,
    contentHash: 'sha256:x',
    status: 'pending_secrecy',
    eventSeq: 9,
    reviewSigners: [
      { signerId: 'head', level: 1 },
      { signerId: 'deputy', level: 2 },
      { signerId: 'principal', level: 3 },
    ],
    openReferralId: null,
    reachedSecrecy: true,
    enteredAt: new Date('2026-12-01T08:00:00Z'),
  });
}

describe('secrecy guards', () => {
  it('hides a case of another agency like an unknown one', () => {
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('o1', ['secrecy_officer'], 'a2')))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(null, actor('o1')))).toBe('DOCUMENT.NOT_FOUND');
    expect(caseInAgency(secrecyCase(), actor('o1')).documentId).toBe('d1');
  });

  it('shows a case only to those the document visibility policy lets read it', () => {
    const inDepartment = (roles: Role[], departmentId: string): Actor => ({ ...actor('u', roles), departmentId });
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('admin', ['admin'])))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('auditor', ['auditor'])))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), inDepartment(['drafter'], 'other')))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), inDepartment(['drafter'], 'dep')))).toBeNull();
    // Publishers read it once secrecy has cleared it.
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('p', ['publisher'])))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(Object.assign(secrecyCase(), { status: 'approved' }), actor('p', ['publisher'])))).toBeNull();
    // Secrecy follows a document from submission; its officer reads it only once it reached 保密审查.
    expect(codeOf(() => caseInAgency(Object.assign(secrecyCase(), { status: 'pending_l1', reachedSecrecy: false }), actor('o1')))).toBe('DOCUMENT.NOT_FOUND');
  });

  it('refuses a decision made on another version', () => {
    expect(codeOf(() => assertVersion(secrecyCase(), 2))).toBe('DOCUMENT.VERSION_CONFLICT');
    expect(codeOf(() => assertVersion(secrecyCase(), 3))).toBeNull();
  });

  it.each([
    ['author', 'REVIEW.SELF_APPROVAL'],
    ['head', 'SECRECY.REVIEWER_SIGNED'],
    ['deputy', 'SECRECY.REVIEWER_SIGNED'],
    ['principal', 'SECRECY.REVIEWER_SIGNED'],
    ['someone-else', null],
  ])('separates duties: %s → %s', (userId, expected) => {
    expect(codeOf(() => assertSeparated(actor(userId), secrecyCase()))).toBe(expected);
  });

  it('accepts dispositions only while the document is pending secrecy review', () => {
    expect(codeOf(() => assertUnderSecrecyReview(secrecyCase(), 'x'))).toBeNull();
    expect(codeOf(() => assertUnderSecrecyReview(Object.assign(secrecyCase(), { status: 'approved' }), 'x'))).toBe('DOCUMENT.INVALID_TRANSITION');
  });
});
