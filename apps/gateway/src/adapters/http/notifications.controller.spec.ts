import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ListNotificationsUseCase } from '../../use-cases/list-notifications/list-notifications.use-case.js';
import { NotificationsController } from './notifications.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('NotificationsController', () => {
  let http: HttpTestApp;
  const list = { execute: vi.fn(async () => ({ items: [] })) };

  beforeAll(async () => {
    http = await HttpTestApp.start(NotificationsController, { providers: [{ provide: ListNotificationsUseCase, useValue: list }] });
  });
  afterAll(() => http.close());

  it('lists the signed-in user’s messages through its use case', async () => {
    expect((await http.request('GET', '/api/v1/notifications')).statusCode).toBe(401);
    const publisher = actorWith(['publisher']);
    expect((await http.request('GET', '/api/v1/notifications', { as: publisher })).json()).toEqual({ items: [] });
    expect(list.execute).toHaveBeenCalledWith(expect.objectContaining({ actor: expect.objectContaining({ userId: publisher.userId }), correlationId: expect.any(String) }));
  });
});
