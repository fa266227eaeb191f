import type { Actor, Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { assertSeparated, assertUnderSecrecyReview, assertVersion, caseInAgency } from './secrecy-guards.js';
import { codeOf } from '../../../../test/support/domain-error.js';
import { AGENCY, DEPT, DOC, person, secrecyCase } from './secrecy.fixture.js';

const actor = (userId: string, roles: Role[] = ['secrecy_officer'], agencyId = AGENCY): Actor => person(userId, roles, { agencyId });

describe('secrecy guards', () => {
  it('hides a case of another agency like an unknown one', () => {
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('o1', ['secrecy_officer'], `${AGENCY}-2`)))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(null, actor('o1')))).toBe('DOCUMENT.NOT_FOUND');
    expect(caseInAgency(secrecyCase(), actor('o1')).documentId).toBe(DOC);
  });

  it('shows a case only to those the document visibility policy lets read it', () => {
    const inDepartment = (roles: Role[], departmentId: string): Actor => ({ ...actor('u', roles), departmentId });
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('admin', ['admin'])))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), actor('auditor', ['auditor'])))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), inDepartment(['drafter'], 'other')))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => caseInAgency(secrecyCase(), inDepartment(['drafter'], DEPT)))).toBeNull();
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
