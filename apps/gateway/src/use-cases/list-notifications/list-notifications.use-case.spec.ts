import { describe, expect, it } from 'vitest';
import { PUBLICATION_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { NotificationListView, NotificationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import type { Logger } from 'pino';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import type { ServiceCalls } from '../../adapters/http/service-calls.js';
import { ListNotificationsUseCase } from './list-notifications.use-case.js';

const actor: Actor = { userId: 'u-1', agencyId: 'ag-1', agencyName: '机关', departmentId: null, roles: ['publisher'], oversees: [], displayName: '张三' };
const context: RequestContext = { actor, sessionId: 's-1', correlationId: 'c-1' };

function item(id: string, kind: NotificationView['kind'], createdAt: string): NotificationView {
  return { id, kind, documentId: 'd-1', level: kind === 'publish_failed' ? null : 1, title: id, message: id, createdAt };
}

type Answer = NotificationListView | Error;

function useCase(answers: Record<string, Answer>) {
  const services = {
    send: async (pattern: string) => {
      const answer = answers[pattern];
      if (answer === undefined) throw new Error(`unexpected ${pattern}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as ServiceCalls;
  const logger = { warn: () => undefined } as unknown as Logger;
  return new ListNotificationsUseCase(services, logger);
}

const review = { items: [item('r-new', 'review_reminder', '2026-11-22T03:00:00Z'), item('r-old', 'review_escalation', '2026-11-20T03:00:00Z')] };
const publication = { items: [item('p-mid', 'publish_failed', '2026-11-21T03:00:00Z')] };

describe('ListNotificationsUseCase', () => {
  it('merges the review and publication lists, newest first', async () => {
    const list = await useCase({ [REVIEW_RPC.notifications]: review, [PUBLICATION_RPC.notifications]: publication }).execute(context);
    expect(list.items.map((notification) => notification.id)).toEqual(['r-new', 'p-mid', 'r-old']);
  });

  it('still lists one service when the other is unreachable', async () => {
    const unavailable = new DomainError('SERVICE.UNAVAILABLE');
    expect((await useCase({ [REVIEW_RPC.notifications]: review, [PUBLICATION_RPC.notifications]: unavailable }).execute(context)).items).toHaveLength(2);
    expect((await useCase({ [REVIEW_RPC.notifications]: unavailable, [PUBLICATION_RPC.notifications]: publication }).execute(context)).items).toHaveLength(1);
  });

  it('fails when neither service answers, and passes other errors on', async () => {
    const unavailable = new DomainError('SERVICE.UNAVAILABLE');
    await expect(useCase({ [REVIEW_RPC.notifications]: unavailable, [PUBLICATION_RPC.notifications]: unavailable }).execute(context)).rejects.toMatchObject({
      code: 'SERVICE.UNAVAILABLE',
    });
    await expect(
      useCase({ [REVIEW_RPC.notifications]: review, [PUBLICATION_RPC.notifications]: new DomainError('AUTH.FORBIDDEN') }).execute(context),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
