import { DRAFTING_RPC, PUBLICATION_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from './openapi/examples.js';
import { PagePreviewController } from './page-preview.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('PagePreviewController', () => {
  let http: HttpTestApp;
  const url = `/api/v1/documents/${IDS.document}/preview`;

  beforeAll(async () => {
    http = await HttpTestApp.start(PagePreviewController, { replies: { [PUBLICATION_RPC.preview]: { documentId: IDS.document, version: 3, html: '<html>预览</html>' } } });
  });
  afterAll(() => http.close());

  it('shows the page, not cached, to whoever may read the document', async () => {
    const page = await http.request('GET', url, { as: actorWith(['drafter']) });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toBe('<html>预览</html>');
    http.reply(DRAFTING_RPC.access, new DomainError('DOCUMENT.NOT_FOUND'));
    expect((await http.request('GET', url, { as: actorWith(['publisher']) })).statusCode).toBe(404);
    expect(http.payloadsOf(PUBLICATION_RPC.preview)).toHaveLength(1);
  });
});
