import { describe, expect, it } from 'vitest';
import type { DelegatedDuty, Role } from '@sanshen/kernel';
import { canReadDocument, finalReadFacts, isInReadScope, readScopeOf } from './visibility.js';
import type { DocumentReadFacts, DocumentReader } from './visibility.js';

const AGENCY = 'agency-a';
const OWN = 'dept-own';
const OTHER = 'dept-other';
const NOW = new Date('2026-12-06T08:00:00Z');

type Stage = 'draft' | 'secrecy' | 'cleared';
type Place = 'own' | 'other' | 'agency';

function document(place: Place, stage: Stage): DocumentReadFacts {
  return {
    agencyId: place === 'agency' ? 'agency-b' : AGENCY,
    departmentId: place === 'own' ? OWN : OTHER,
    reachedSecrecy: stage !== 'draft',
    cleared: stage === 'cleared',
  };
}

function reader(role: Role): DocumentReader {
  const departmental: Role[] = ['drafter', 'dept_head', 'secrecy_officer', 'publisher'];
  return {
    agencyId: AGENCY,
    departmentId: departmental.includes(role) ? OWN : null,
    roles: [role],
    oversees: role === 'deputy' ? [OWN] : [],
  };
}

/**
 * Written from the rule, not from the code: which (place, stage) each role reads. Another agency's
 * document is never readable; the 三员 roles read none.
 */
const EXPECTED: Record<Role, (place: Place, stage: Stage) => boolean> = {
  drafter: (place) => place === 'own',
  dept_head: (place) => place === 'own',
  deputy: (place) => place === 'own',
  principal: (place) => place !== 'agency',
  secrecy_officer: (place, stage) => place !== 'agency' && stage !== 'draft',
  publisher: (place, stage) => place !== 'agency' && stage === 'cleared',
  admin: () => false,
  auditor: () => false,
};

const CASES = (Object.keys(EXPECTED) as Role[]).flatMap((role) =>
  (['own', 'other', 'agency'] as Place[]).flatMap((place) => (['draft', 'secrecy', 'cleared'] as Stage[]).map((stage) => [role, place, stage] as const)),
);

describe('document visibility', () => {
  it.each(CASES)('%s reading a document of the %s department at stage %s', (role, place, stage) => {
    expect(canReadDocument(reader(role), document(place, stage), NOW)).toBe(EXPECTED[role](place, stage));
  });

  it('a secrecy officer keeps reading a document that secrecy returned to draft', () => {
    const returned: DocumentReadFacts = { agencyId: AGENCY, departmentId: OTHER, reachedSecrecy: true, cleared: false };
    expect(canReadDocument(reader('secrecy_officer'), returned, NOW)).toBe(true);
  });

  it('an administrator who also holds a flow role still reads nothing (三员分立)', () => {
    const mixed: DocumentReader = { ...reader('drafter'), roles: ['drafter', 'admin'] };
    expect(readScopeOf(mixed, NOW)).toBeNull();
    expect(canReadDocument(mixed, document('own', 'draft'), NOW)).toBe(false);
  });

  it('a user without a flow role reads nothing', () => {
    expect(readScopeOf({ agencyId: AGENCY, departmentId: OWN, roles: [], oversees: [] }, NOW)).toBeNull();
  });

  describe('delegation (代签)', () => {
    const duty = (overrides: Partial<DelegatedDuty>): DelegatedDuty => ({
      delegationId: 'd1',
      fromUserId: 'head',
      fromName: '李科长',
      roles: ['dept_head'],
      departmentId: OTHER,
      oversees: [],
      from: '2026-12-01T00:00:00Z',
      until: '2026-12-10T00:00:00Z',
      ...overrides,
    });
    const delegate = (duties: DelegatedDuty[]): DocumentReader => ({ ...reader('drafter'), delegatedDuties: duties });

    it("a delegate reads the delegator's department during the period", () => {
      expect(canReadDocument(delegate([duty({})]), document('other', 'draft'), NOW)).toBe(true);
    });

    it('not before the period starts, nor once it has ended', () => {
      expect(canReadDocument(delegate([duty({ from: '2026-12-07T00:00:00Z' })]), document('other', 'draft'), NOW)).toBe(false);
      expect(canReadDocument(delegate([duty({ until: '2026-12-06T08:00:00Z' })]), document('other', 'draft'), NOW)).toBe(false);
    });

    it("a deputy's delegated duty covers the departments they oversee; a principal's the agency", () => {
      expect(canReadDocument(delegate([duty({ roles: ['deputy'], departmentId: null, oversees: [OTHER] })]), document('other', 'draft'), NOW)).toBe(true);
      const principal = delegate([duty({ roles: ['principal'], departmentId: null })]);
      expect(canReadDocument(principal, document('other', 'draft'), NOW)).toBe(true);
      expect(canReadDocument(principal, document('agency', 'draft'), NOW)).toBe(false);
    });

    it('a delegated duty never carries secrecy or publishing reads', () => {
      const odd = delegate([duty({ roles: ['secrecy_officer', 'publisher'], departmentId: null })]);
      expect(canReadDocument(odd, document('other', 'cleared'), NOW)).toBe(false);
    });
  });

  it('the scope a query applies gives the same answers as the single check', () => {
    for (const [role, place, stage] of CASES) {
      const scope = readScopeOf(reader(role), NOW);
      expect(isInReadScope(scope, document(place, stage))).toBe(EXPECTED[role](place, stage));
    }
  });

  it('keeps the facts of a cleared document only: they answer every reader as the document would', () => {
    expect(finalReadFacts(document('own', 'draft'))).toBeNull();
    expect(finalReadFacts(document('own', 'secrecy'))).toBeNull();
    for (const [role, place, stage] of CASES.filter(([, , stage]) => stage === 'cleared')) {
      const kept = finalReadFacts({ ...document(place, stage), title: 'not a read fact' } as DocumentReadFacts);
      expect(kept).toEqual(document(place, stage));
      expect(canReadDocument(reader(role), kept as DocumentReadFacts, NOW)).toBe(EXPECTED[role](place, stage));
    }
  });
});
