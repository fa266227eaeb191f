import { PUBLICATION_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueuesController } from './queues.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('QueuesController', () => {
  let http: HttpTestApp;
  const admin = actorWith(['admin'], { departmentId: null });

  beforeAll(async () => {
    http = await HttpTestApp.start(QueuesController, { replies: { [PUBLICATION_RPC.queueOverview]: { queue: 'publication-push', counts: {}, jobs: [] } } });
  });
  afterAll(() => http.close());

  it('passes the states and limit asked for; an unknown state is 400', async () => {
    expect((await http.request('GET', '/api/v1/admin/queues/publication-push?state=failed,delayed&limit=5', { as: admin })).statusCode).toBe(200);
    expect((await http.request('GET', '/api/v1/admin/queues/publication-push', { as: admin })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.queueOverview)).toEqual([{ states: ['failed', 'delayed'], limit: 5 }, {}]);
    const unknown = await http.request('GET', '/api/v1/admin/queues/publication-push?state=lost', { as: admin });
    expect(unknown.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'state' } });
  });
});
