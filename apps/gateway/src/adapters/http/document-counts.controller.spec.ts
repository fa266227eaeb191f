import { DRAFTING_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentCountsController } from './document-counts.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('DocumentCountsController', () => {
  let http: HttpTestApp;

  beforeAll(async () => {
    http = await HttpTestApp.start(DocumentCountsController, {
      replies: { [DRAFTING_RPC.counts]: (_payload: never, actor: Actor) => (actor.roles.includes('admin') ? { items: [] } : new DomainError('DOCUMENT.ROLE_NOT_ALLOWED')) },
    });
  });
  afterAll(() => http.close());

  it('counts for the admin; drafting’s refusal of anyone else stands', async () => {
    expect((await http.request('GET', '/api/v1/admin/document-counts', { as: actorWith(['admin'], { departmentId: null }) })).json()).toEqual({ items: [] });
    expect(http.payloadsOf(DRAFTING_RPC.counts)).toEqual([{}]);
    const drafter = await http.request('GET', '/api/v1/admin/document-counts', { as: actorWith(['drafter']) });
    expect(drafter.statusCode).toBe(403);
    expect(drafter.json().code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
  });
});
