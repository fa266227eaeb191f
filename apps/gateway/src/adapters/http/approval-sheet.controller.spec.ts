import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ShowApprovalSheetUseCase } from '../../use-cases/show-approval-sheet/show-approval-sheet.use-case.js';
import { ApprovalSheetController } from './approval-sheet.controller.js';
import { IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('ApprovalSheetController', () => {
  let http: HttpTestApp;
  const sheet = { execute: vi.fn(async () => ({ sheet: { documentId: IDS.document }, html: '<html>审批单</html>' })) };
  const url = `/api/v1/documents/${IDS.document}/approval-sheet`;

  beforeAll(async () => {
    http = await HttpTestApp.start(ApprovalSheetController, { providers: [{ provide: ShowApprovalSheetUseCase, useValue: sheet }] });
  });
  afterAll(() => http.close());

  it('prints HTML by default and JSON on ?format=json, for the version asked', async () => {
    const html = await http.request('GET', url, { as: actorWith(['principal']) });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toBe('<html>审批单</html>');
    const json = await http.request('GET', `${url}?format=json&version=2`, { as: actorWith(['principal']) });
    expect(json.json()).toEqual({ documentId: IDS.document });
    expect(sheet.execute).toHaveBeenLastCalledWith(expect.anything(), { documentId: IDS.document, format: 'json', version: 2 });
  });

  it('refuses an unknown format or a version that is not a number', async () => {
    expect((await http.request('GET', `${url}?format=pdf`, { as: actorWith(['principal']) })).json().code).toBe('REQUEST.INVALID');
    expect((await http.request('GET', `${url}?version=abc`, { as: actorWith(['principal']) })).statusCode).toBe(400);
  });
});
