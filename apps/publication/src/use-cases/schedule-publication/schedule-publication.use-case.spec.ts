import { describe, expect, it } from 'vitest';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { Actor, DocumentStatus, Role } from '@sanshen/kernel';
import type { ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import type { PublicationRepository } from '../../persistence/publication.repository.js';
import type { PushQueue } from '../../queue/push-queue.js';
import { SchedulePublicationUseCase } from './schedule-publication.use-case.js';

const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';
const NOW = new Date('2026-11-22T01:00:00Z');
const LATER = '2026-11-23T09:00:00+08:00';

function person(roles: Role[]): Actor {
  return { userId: 'u-1', agencyId: 'ag-1', agencyName: '机关', departmentId: null, roles, oversees: [], displayName: '张三' };
}

function harness(document: { status: DocumentStatus; version: number }, existing: Partial<PublicationOrmEntity> | null = null) {
  const log: string[] = [];
  const drafting = {
    send: async (pattern: string) => {
      if (pattern !== DRAFTING_RPC.access) throw new Error(`unexpected ${pattern}`);
      log.push('drafting.get');
      return { id: DOC, agencyId: 'ag-1', ...document };
    },
  } as unknown as ServiceClient;
  const repository = {
    lockDocument: async () => log.push('lock'),
    findForVersion: async () => existing,
    saveSchedule: async (_manager: unknown, schedule: { publishAt: Date; version: number }) =>
      log.push(`save v${schedule.version} ${schedule.publishAt.toISOString()}`),
    reschedule: async (_manager: unknown, id: string, at: Date) => log.push(`reschedule ${id} ${at.toISOString()}`),
  } as unknown as PublicationRepository;
  const queue = { reschedule: async (data: { publicationId: string }) => log.push(`job ${data.publicationId}`) } as unknown as PushQueue;
  const dataSource = { transaction: async (work: (manager: unknown) => Promise<unknown>) => work({}) } as unknown as DataSource;
  const logger = { info: () => undefined } as unknown as Logger;
  return { useCase: new SchedulePublicationUseCase(dataSource, repository, queue, drafting, logger), log };
}

describe('SchedulePublicationUseCase', () => {
  it('stores the schedule of a version still in review', async () => {
    const { useCase, log } = harness({ status: 'pending_l2', version: 3 });
    const view = await useCase.execute(person(['publisher']), { documentId: DOC, version: 3, publishAt: LATER }, 'c', NOW);
    expect(view).toMatchObject({ documentId: DOC, version: 3, publishAt: '2026-11-23T01:00:00.000Z', state: 'pending', setBy: 'u-1' });
    expect(log).toEqual(['drafting.get', 'lock', 'save v3 2026-11-23T01:00:00.000Z']);
  });

  it('moves the time of a publication already waiting, and its delayed job', async () => {
    const { useCase, log } = harness({ status: 'approved', version: 1 }, { id: 'pub-1', state: 'scheduled', run: 0, correlationId: 'c0' });
    const view = await useCase.execute(person(['principal']), { documentId: DOC, version: 1, publishAt: LATER }, 'c', NOW);
    expect(view.state).toBe('scheduled');
    expect(log).toEqual(['drafting.get', 'lock', 'save v1 2026-11-23T01:00:00.000Z', 'reschedule pub-1 2026-11-23T01:00:00.000Z', 'job pub-1']);
  });

  it.each([
    ['a drafter', ['drafter'] as Role[], LATER, { status: 'draft', version: 1 }, null, 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a time in the past', ['publisher'] as Role[], '2026-11-21T00:00:00Z', { status: 'draft', version: 1 }, null, 'PUBLICATION.SCHEDULE_INVALID'],
    ['not a time', ['publisher'] as Role[], 'tomorrow', { status: 'draft', version: 1 }, null, 'PUBLICATION.SCHEDULE_INVALID'],
    ['more than a year ahead', ['publisher'] as Role[], '2028-01-01T00:00:00Z', { status: 'draft', version: 1 }, null, 'PUBLICATION.SCHEDULE_INVALID'],
    ['a stale version', ['publisher'] as Role[], LATER, { status: 'draft', version: 2 }, null, 'DOCUMENT.VERSION_CONFLICT'],
    ['a published document', ['publisher'] as Role[], LATER, { status: 'published', version: 1 }, null, 'DOCUMENT.INVALID_TRANSITION'],
    ['a publication under way', ['publisher'] as Role[], LATER, { status: 'approved', version: 1 }, { id: 'p', state: 'publishing' }, 'DOCUMENT.INVALID_TRANSITION'],
  ] as const)('refuses %s', async (_label, roles, publishAt, document, existing, code) => {
    const { useCase, log } = harness(document, existing as Partial<PublicationOrmEntity> | null);
    await expect(useCase.execute(person([...roles]), { documentId: DOC, version: 1, publishAt }, 'c', NOW)).rejects.toMatchObject({ code });
    expect(log.filter((entry) => entry.startsWith('save'))).toEqual([]);
  });
});
