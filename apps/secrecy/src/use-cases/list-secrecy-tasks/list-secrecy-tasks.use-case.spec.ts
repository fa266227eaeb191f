import type { Actor, Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import type { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { ListSecrecyTasksUseCase } from './list-secrecy-tasks.use-case.js';

function secrecyCase(documentId: string, openReferralId: string | null): SecrecyCaseOrmEntity {
  return Object.assign(new SecrecyCaseOrmEntity(), {
    documentId,
    agencyId: 'a',
    version: 3,
    status: 'pending_secrecy',
    openReferralId,
    reachedSecrecy: true,
    enteredAt: new Date('2026-12-05T08:00:00Z'),
  });
}

const actor = (roles: Role[]): Actor => ({ userId: 'u', agencyId: 'a', agencyName: '', departmentId: null, roles, oversees: [], displayName: 'u' });

describe('ListSecrecyTasksUseCase', () => {
  const repository = {
    queue: (agencyId: string) => Promise.resolve(agencyId === 'a' ? [secrecyCase('d1', null), secrecyCase('d2', 'decision-1')] : []),
    openFindingCounts: (versions: { documentId: string; version: number }[]) =>
      Promise.resolve(new Map(versions.filter((entry) => entry.documentId === 'd1' && entry.version === 3).map((entry) => [entry.documentId, { total: 2, blocking: 1 }]))),
  } as unknown as SecrecyRepository;

  it('lists the agency’s documents at 保密审查 and the referrals awaiting an answer, with their open findings', async () => {
    const { items } = await new ListSecrecyTasksUseCase(repository).execute(actor(['secrecy_officer']));
    expect(items).toEqual([
      expect.objectContaining({ kind: 'secrecy_review', documentId: 'd1', version: 3, arrivedAt: '2026-12-05T08:00:00.000Z', openFindings: { total: 2, blocking: 1 }, note: null }),
      expect.objectContaining({ kind: 'referral', documentId: 'd2', openFindings: { total: 0, blocking: 0 }, note: expect.stringContaining('待答复') }),
    ]);
  });

  it('is empty for anyone but a secrecy officer', async () => {
    expect(await new ListSecrecyTasksUseCase(repository).execute(actor(['publisher', 'principal']))).toEqual({ items: [] });
  });
});
