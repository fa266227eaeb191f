import type { Actor, Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import type { PublicationRepository } from '../../persistence/publication.repository.js';
import { ListPublicationTasksUseCase } from './list-publication-tasks.use-case.js';

const at = (iso: string) => new Date(iso);

function row(documentId: string, fields: Partial<PublicationOrmEntity>): PublicationOrmEntity {
  return Object.assign(new PublicationOrmEntity(), {
    id: `p-${documentId}`,
    documentId,
    version: 2,
    agencyId: 'a',
    createdAt: at('2026-12-01T08:00:00Z'),
    updatedAt: at('2026-12-02T08:00:00Z'),
    scheduledAt: null,
    failureReason: null,
    retractReason: null,
    retractRequestedAt: null,
    retractAuthorizedBy: null,
    ...fields,
  });
}

const rows = [
  row('scheduled', { state: 'scheduled', scheduledAt: at('2026-12-10T00:00:00Z') }),
  row('failed', { state: 'publish_failed', failureReason: '门户返回 500' }),
  row('retract', { state: 'published', retractReason: '内容有误', retractRequestedAt: at('2026-12-03T08:00:00Z') }),
];

function useCase(): ListPublicationTasksUseCase {
  const repository = { awaitingAction: (agencyId: string) => Promise.resolve(agencyId === 'a' ? rows : []) } as unknown as PublicationRepository;
  return new ListPublicationTasksUseCase(repository);
}

const actor = (roles: Role[]): Actor => ({ userId: 'u', agencyId: 'a', agencyName: '', departmentId: null, roles, oversees: [], displayName: 'u' });

describe('ListPublicationTasksUseCase', () => {
  it('gives a publisher the scheduled, the failed and the retractions awaiting authorization, with what to know', async () => {
    const { items } = await useCase().execute(actor(['publisher']));
    expect(items.map((item) => [item.documentId, item.kind, item.note, item.dueAt])).toEqual([
      ['scheduled', 'scheduled', null, '2026-12-10T00:00:00.000Z'],
      ['failed', 'publish_failed', '门户返回 500', null],
      ['retract', 'retraction_request', '内容有误', null],
    ]);
    expect(items[2]?.arrivedAt).toBe('2026-12-03T08:00:00.000Z');
  });

  it('gives a principal only the retractions to authorize', async () => {
    expect((await useCase().execute(actor(['principal']))).items.map((item) => item.kind)).toEqual(['retraction_request']);
  });

  it('gives anyone else nothing', async () => {
    expect(await useCase().execute(actor(['drafter', 'dept_head']))).toEqual({ items: [] });
  });
});
