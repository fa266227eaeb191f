import { randomUUID } from 'node:crypto';
import { DRAFTING_RPC, PUBLICATION_RPC } from '@sanshen/contracts';
import type { DocumentAccessView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLICATION_EXAMPLE } from '../http/openapi/examples.js';
import { PublicationController } from '../http/publication.controller.js';
import { HttpTestApp, actorWith } from '../http/testing/http-test-app.js';

const AGENCY = actorWith([]).agencyId;
const OWN = actorWith([]).departmentId as string;
const OTHER = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/** Drafting's answer for a document of the actor's agency and department at some stage. */
function accessView(documentId: string, stage: { reachedSecrecy: boolean; cleared: boolean }): DocumentAccessView {
  return { documentId, agencyId: AGENCY, departmentId: OWN, status: stage.cleared ? 'published' : 'pending_l1', version: 1, ...stage };
}

/** Drafting answers with the policy itself: the document's own department and the agency's publishers read it. */
function drafting(stage: { reachedSecrecy: boolean; cleared: boolean }) {
  return (payload: unknown, actor: Actor): DocumentAccessView | DomainError => {
    const { documentId } = payload as { documentId: string };
    const reads = actor.agencyId === AGENCY && (actor.departmentId === OWN || (stage.cleared && actor.roles.includes('publisher')));
    return reads ? accessView(documentId, stage) : new DomainError('DOCUMENT.NOT_FOUND');
  };
}

describe('DocumentVisibleGuard', () => {
  let http: HttpTestApp;
  const url = (documentId: string) => `/api/v1/documents/${documentId}/publication`;
  const asked = (documentId: string) => http.payloadsOf(DRAFTING_RPC.access).filter((payload) => (payload as { documentId: string }).documentId === documentId).length;
  const served = (documentId: string) => http.payloadsOf(PUBLICATION_RPC.get).filter((payload) => (payload as { documentId: string }).documentId === documentId).length;

  beforeAll(async () => {
    http = await HttpTestApp.start(PublicationController, { replies: { [PUBLICATION_RPC.get]: PUBLICATION_EXAMPLE } });
  });
  afterAll(() => http.close());
  beforeEach(() => http.reply(DRAFTING_RPC.access, drafting({ reachedSecrecy: true, cleared: true })));

  it('asks drafting once for a cleared document, then decides from its facts for every reader', async () => {
    const id = randomUUID();
    const drafter = actorWith(['drafter']);
    expect((await http.request('GET', url(id), { as: drafter })).statusCode).toBe(200);
    expect((await http.request('GET', url(id), { as: drafter })).statusCode).toBe(200);
    expect((await http.request('GET', url(id), { as: actorWith(['publisher'], { departmentId: OTHER }) })).statusCode).toBe(200);
    expect(asked(id)).toBe(1);
    expect(served(id)).toBe(3);

    // Those who may not read it get the same 404 as from drafting, and the request goes nowhere.
    for (const outsider of [actorWith(['drafter'], { departmentId: OTHER }), actorWith(['principal'], { agencyId: randomUUID() }), actorWith(['admin'])]) {
      const refused = await http.request('GET', url(id), { as: outsider });
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toMatchObject({ code: 'DOCUMENT.NOT_FOUND' });
    }
    expect(asked(id)).toBe(1);
    expect(served(id)).toBe(3);
  });

  it('asks drafting every time while the document has not been cleared (it may still be discarded)', async () => {
    http.reply(DRAFTING_RPC.access, drafting({ reachedSecrecy: true, cleared: false }));
    const id = randomUUID();
    const head = actorWith(['dept_head']);
    expect((await http.request('GET', url(id), { as: head })).statusCode).toBe(200);
    expect((await http.request('GET', url(id), { as: head })).statusCode).toBe(200);
    expect(asked(id)).toBe(2);
  });

  it('keeps nothing from a refusal, nor from an answer without the facts', async () => {
    const id = randomUUID();
    expect((await http.request('GET', url(id), { as: actorWith(['drafter'], { departmentId: OTHER }) })).statusCode).toBe(404);
    http.reply(DRAFTING_RPC.access, {});
    expect((await http.request('GET', url(id), { as: actorWith(['drafter']) })).statusCode).toBe(200);
    expect((await http.request('GET', url(id), { as: actorWith(['drafter']) })).statusCode).toBe(200);
    expect(served(id)).toBe(2);
    expect(asked(id)).toBe(3);
  });
});
