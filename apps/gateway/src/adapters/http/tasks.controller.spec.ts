import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ListTasksUseCase } from '../../use-cases/list-tasks/list-tasks.use-case.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';
import { TasksController } from './tasks.controller.js';

describe('TasksController', () => {
  let http: HttpTestApp;
  const tasks = { execute: vi.fn(async () => ({ items: [] })), counts: vi.fn(async () => ({ total: 0, overdue: 0, byKind: {} })) };

  beforeAll(async () => {
    http = await HttpTestApp.start(TasksController, { providers: [{ provide: ListTasksUseCase, useValue: tasks }] });
  });
  afterAll(() => http.close());

  it('lists and counts the signed-in user’s tasks', async () => {
    const head = actorWith(['dept_head']);
    expect((await http.request('GET', '/api/v1/tasks', { as: head })).json()).toEqual({ items: [] });
    expect((await http.request('GET', '/api/v1/tasks/counts', { as: head })).json()).toMatchObject({ total: 0 });
    expect(tasks.execute).toHaveBeenCalledWith(expect.objectContaining({ actor: expect.objectContaining({ roles: ['dept_head'] }) }));
    expect((await http.request('GET', '/api/v1/tasks/counts')).statusCode).toBe(401);
  });
});
