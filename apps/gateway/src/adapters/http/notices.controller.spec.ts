import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ListNoticesUseCase } from '../../use-cases/list-notices/list-notices.use-case.js';
import { MarkNoticesReadUseCase } from '../../use-cases/mark-notices-read/mark-notices-read.use-case.js';
import { NoticeStream } from '../notices/notice-stream.js';
import { NoticesController } from './notices.controller.js';
import { IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('NoticesController', () => {
  let http: HttpTestApp;
  const list = { execute: vi.fn(async () => ({ items: [], unread: 2 })), unreadCount: vi.fn(async () => 2) };
  const markRead = { execute: vi.fn(async () => ({ updated: 1, unread: 1 })) };
  const drafter = actorWith(['drafter']);

  beforeAll(async () => {
    http = await HttpTestApp.start(NoticesController, {
      providers: [
        { provide: ListNoticesUseCase, useValue: list },
        { provide: MarkNoticesReadUseCase, useValue: markRead },
        { provide: NoticeStream, useValue: { listen: () => () => undefined } },
      ],
    });
  });
  afterAll(() => http.close());

  it('lists with the filter converted (default 50) and counts the unread', async () => {
    expect((await http.request('GET', '/api/v1/notices?unread=true&limit=10', { as: drafter })).statusCode).toBe(200);
    expect(list.execute).toHaveBeenLastCalledWith(expect.objectContaining({ userId: drafter.userId }), { unreadOnly: true, limit: 10 });
    await http.request('GET', '/api/v1/notices', { as: drafter });
    expect(list.execute).toHaveBeenLastCalledWith(expect.anything(), { unreadOnly: false, limit: 50 });
    expect((await http.request('GET', '/api/v1/notices?unread=yes', { as: drafter })).statusCode).toBe(400);
    expect((await http.request('GET', '/api/v1/notices/unread-count', { as: drafter })).json()).toEqual({ count: 2 });
  });

  it('marks the ids given as read; ids must be UUIDs', async () => {
    expect((await http.request('POST', '/api/v1/notices/read', { as: drafter, body: { ids: [IDS.finding] } })).json()).toEqual({ updated: 1, unread: 1 });
    expect(markRead.execute).toHaveBeenCalledWith(expect.objectContaining({ userId: drafter.userId }), { ids: [IDS.finding] });
    expect((await http.request('POST', '/api/v1/notices/read', { as: drafter, body: { ids: ['1'] } })).json().details.errors).toEqual([expect.objectContaining({ field: 'ids.0' })]);
  });
});
