import { PUBLICATION_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, PUBLICATION_EXAMPLE } from './openapi/examples.js';
import { PublicationController } from './publication.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('PublicationController', () => {
  let http: HttpTestApp;
  const url = `/api/v1/documents/${IDS.document}/publication`;

  beforeAll(async () => {
    http = await HttpTestApp.start(PublicationController, { replies: { [PUBLICATION_RPC.get]: PUBLICATION_EXAMPLE, [PUBLICATION_RPC.retry]: PUBLICATION_EXAMPLE } });
  });
  afterAll(() => http.close());

  it('shows and retries the document’s publication', async () => {
    const publisher = actorWith(['publisher']);
    expect((await http.request('GET', url, { as: publisher })).json()).toEqual(PUBLICATION_EXAMPLE);
    expect((await http.request('POST', `${url}/retry`, { as: publisher })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.retry)).toEqual([{ documentId: IDS.document }]);
    expect((await http.request('POST', `${url}/retry`)).statusCode).toBe(401);
  });

  it('answers 503 with Retry-After when the publication service does not answer', async () => {
    http.unreachable(PUBLICATION_RPC.get);
    const response = await http.request('GET', url, { as: actorWith(['publisher']) });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });
});
