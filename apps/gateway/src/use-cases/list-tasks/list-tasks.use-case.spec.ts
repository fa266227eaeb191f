import { DRAFTING_RPC, PUBLICATION_RPC, REVIEW_RPC, SECRECY_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import type { ServiceCalls } from '../../adapters/http/service-calls.js';
import type { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { ListTasksUseCase } from './list-tasks.use-case.js';

const NOW = new Date('2026-12-06T08:00:00Z');

function context(roles: Role[]): RequestContext {
  const actor: Actor = { userId: 'me', agencyId: 'a', agencyName: '', departmentId: 'dep', roles, oversees: [], displayName: '我' };
  return { actor, sessionId: 's', correlationId: 'c' };
}

const summary = (id: string) => ({ id, kind: 'article', title: `标题${id}`, column: '通知公告', authorId: 'author', departmentId: 'dep', status: 'pending_l1' });

/** Strict stand-ins: a pattern not scripted fails the test. */
function useCase(script: Record<string, (payload: Record<string, unknown>) => unknown>): { calls: string[]; tasks: ListTasksUseCase } {
  const calls: string[] = [];
  const services = {
    send: (pattern: string, _context: RequestContext, payload: Record<string, unknown>) => {
      calls.push(pattern);
      const answer = script[pattern];
      if (answer === undefined) throw new Error(`unexpected call ${pattern}`);
      return Promise.resolve().then(() => answer(payload));
    },
  } as unknown as ServiceCalls;
  const organisation = {
    namesOf: () => Promise.resolve({ users: new Map([['author', '张信息员']]), departments: new Map([['dep', '办公室']]) }),
  } as unknown as OrganisationRepository;
  return { calls, tasks: new ListTasksUseCase(services, organisation, pino({ level: 'silent' })) };
}

describe('ListTasksUseCase', () => {
  it('asks only the services that hold the role’s tasks, names each row, drops what the caller may not read, overdue first', async () => {
    const { calls, tasks } = useCase({
      [REVIEW_RPC.inbox]: () => ({
        items: [
          { documentId: 'd1', version: 1, level: 1, openedAt: '2026-12-05T08:00:00Z', dueAt: '2026-12-09T08:00:00Z' },
          { documentId: 'd2', version: 3, level: 3, openedAt: '2026-12-04T08:00:00Z', dueAt: '2026-12-05T08:00:00Z' },
          { documentId: 'hidden', version: 1, level: 3, openedAt: '2026-12-01T08:00:00Z', dueAt: '2026-12-02T08:00:00Z' },
        ],
      }),
      [PUBLICATION_RPC.tasks]: () => ({
        items: [{ kind: 'retraction_request', documentId: 'd3', version: 1, level: null, arrivedAt: '2026-12-03T08:00:00Z', dueAt: null, openFindings: null, note: '内容有误' }],
      }),
      [DRAFTING_RPC.summaries]: (payload) => ({ items: (payload.documentIds as string[]).filter((id) => id !== 'hidden').map(summary) }),
    });
    const view = await tasks.execute(context(['principal']), NOW);
    expect(calls.sort()).toEqual([DRAFTING_RPC.summaries, PUBLICATION_RPC.tasks, REVIEW_RPC.inbox].sort());
    expect(view.items.map((item) => [item.documentId, item.kind, item.overdue])).toEqual([
      ['d2', 'review', true],
      ['d3', 'retraction_request', false],
      ['d1', 'review', false],
    ]);
    expect(view.items[0]).toMatchObject({ title: '标题d2', column: '通知公告', authorName: '张信息员', departmentName: '办公室', documentKind: 'article' });
  });

  it('has nothing to ask for a role without tasks', async () => {
    const { calls, tasks } = useCase({});
    expect(await tasks.execute(context(['auditor']), NOW)).toEqual({ items: [] });
    expect(calls).toEqual([]);
  });

  it('lists the others when one service is down, and says unavailable when all of the caller’s are', async () => {
    const down = () => {
      throw new DomainError('SERVICE.UNAVAILABLE');
    };
    const partial = useCase({
      [SECRECY_RPC.tasks]: down,
      [PUBLICATION_RPC.tasks]: () => ({
        items: [{ kind: 'publish_failed', documentId: 'd4', version: 1, level: null, arrivedAt: '2026-12-03T08:00:00Z', dueAt: null, openFindings: null, note: '门户返回 500' }],
      }),
      [DRAFTING_RPC.summaries]: (payload) => ({ items: (payload.documentIds as string[]).map(summary) }),
    });
    expect((await partial.tasks.execute(context(['secrecy_officer', 'publisher']), NOW)).items.map((item) => item.documentId)).toEqual(['d4']);
    const none = useCase({ [SECRECY_RPC.tasks]: down });
    await expect(none.tasks.execute(context(['secrecy_officer']), NOW)).rejects.toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });

  it('counts by kind for badges', async () => {
    const { tasks } = useCase({
      [SECRECY_RPC.tasks]: () => ({
        items: [
          { kind: 'secrecy_review', documentId: 'd5', version: 1, level: null, arrivedAt: '2026-12-03T08:00:00Z', dueAt: null, openFindings: { total: 2, blocking: 1 }, note: null },
          { kind: 'referral', documentId: 'd6', version: 1, level: null, arrivedAt: '2026-12-04T08:00:00Z', dueAt: null, openFindings: { total: 0, blocking: 0 }, note: null },
        ],
      }),
      [DRAFTING_RPC.summaries]: (payload) => ({ items: (payload.documentIds as string[]).map(summary) }),
    });
    expect(await tasks.counts(context(['secrecy_officer']), NOW)).toEqual({
      total: 2,
      overdue: 0,
      byKind: { review: 0, secrecy_review: 1, referral: 1, scheduled: 0, publish_failed: 0, retraction_request: 0 },
    });
  });
});
