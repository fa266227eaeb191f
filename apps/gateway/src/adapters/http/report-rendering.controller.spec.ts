import { DRAFTING_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from './openapi/examples.js';
import { ReportRenderingController } from './report-rendering.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('ReportRenderingController', () => {
  let http: HttpTestApp;
  const url = `/api/v1/documents/${IDS.document}/rendering`;

  beforeAll(async () => {
    http = await HttpTestApp.start(ReportRenderingController, { replies: { [DRAFTING_RPC.render]: { html: '<html>报告</html>', data: { year: 2025 } } } });
  });
  afterAll(() => http.close());

  it('renders HTML by default, the data on ?format=json, the version asked', async () => {
    const drafter = actorWith(['drafter']);
    const html = await http.request('GET', url, { as: drafter });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toBe('<html>报告</html>');
    expect((await http.request('GET', `${url}?format=json&version=3`, { as: drafter })).json()).toEqual({ year: 2025 });
    expect(http.payloadsOf(DRAFTING_RPC.render)).toEqual([{ documentId: IDS.document }, { documentId: IDS.document, version: 3 }]);
    expect((await http.request('GET', `${url}?version=0`, { as: drafter })).statusCode).toBe(400);
  });
});
