import { describe, expect, it } from 'vitest';
import type { PublicationNotificationOrmEntity } from '../../persistence/publication-notification.orm-entity.js';
import { AGENCY, DOC, person, publicationHarness } from '../publication.fixture.js';
import { ListNotificationsUseCase } from './list-notifications.use-case.js';

const failed: PublicationNotificationOrmEntity = {
  id: 'n-1',
  agencyId: AGENCY,
  documentId: DOC,
  publicationId: 'pub-1',
  run: 0,
  kind: 'publish_failed',
  title: '发布失败',
  message: '门户返回 500',
  createdAt: new Date('2026-11-22T01:00:00Z'),
};

describe('ListNotificationsUseCase', () => {
  it('gives a publisher the agency’s notifications, newest 200', async () => {
    const { publications, log } = publicationHarness({ notifications: [failed] });
    const list = await new ListNotificationsUseCase(publications).execute(person('pub', ['publisher']));
    expect(list.items).toEqual([
      { id: 'n-1', kind: 'publish_failed', documentId: DOC, level: null, title: '发布失败', message: '门户返回 500', createdAt: '2026-11-22T01:00:00.000Z' },
    ]);
    expect(log).toEqual([`notifications of ${AGENCY} (200)`]);
  });

  it('gives anyone else an empty list without reading', async () => {
    const { publications, log } = publicationHarness({ notifications: [failed] });
    expect(await new ListNotificationsUseCase(publications).execute(person('p', ['principal', 'drafter']))).toEqual({ items: [] });
    expect(log).toEqual([]);
  });
});
