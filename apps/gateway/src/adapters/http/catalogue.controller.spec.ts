import { DRAFTING_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueController } from './catalogue.controller.js';
import { IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('CatalogueController', () => {
  let http: HttpTestApp;
  const admin = actorWith(['admin'], { departmentId: null });
  const drafter = actorWith(['drafter']);
  const base = `/api/v1/agencies/${IDS.agency}`;
  const column = { code: 'zcwj', name: '政策文件', position: 5, retired: false, retiredAt: null, forAnnualReports: false };

  beforeAll(async () => {
    http = await HttpTestApp.start(CatalogueController, {
      replies: {
        [DRAFTING_RPC.columnList]: { agencyId: IDS.agency, items: [column] },
        [DRAFTING_RPC.columnCreate]: column,
        [DRAFTING_RPC.columnUpdate]: { ...column, retired: true },
        [DRAFTING_RPC.columnReorder]: { agencyId: IDS.agency, items: [column] },
        [DRAFTING_RPC.catalogueSettings]: { agencyId: IDS.agency, agencyCode: 'X', indexPattern: '{year}-{serial}', topics: ['综合政务'] },
        [DRAFTING_RPC.catalogueUpdate]: { agencyId: IDS.agency, agencyCode: 'X', indexPattern: '{year}-{serial}', topics: ['综合政务'] },
      },
    });
  });
  afterAll(() => http.close());

  it('lists the agency’s columns for any member, with the agency from the path', async () => {
    const listed = await http.request('GET', `${base}/columns`, { as: drafter });
    expect(listed.statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.columnList)).toEqual([{ agencyId: IDS.agency }]);
    expect((await http.request('GET', '/api/v1/agencies/not-a-uuid/columns', { as: drafter })).statusCode).toBe(400);
  });

  it('creates, renames, retires and reorders with the body as given; bad bodies are 400 and reach no service', async () => {
    expect((await http.request('POST', `${base}/columns`, { as: admin, body: { code: 'zcwj', name: '政策文件' } })).statusCode).toBe(201);
    expect(http.payloadsOf(DRAFTING_RPC.columnCreate)).toEqual([{ agencyId: IDS.agency, code: 'zcwj', name: '政策文件' }]);
    expect((await http.request('PATCH', `${base}/columns/zcwj`, { as: admin, body: { retired: true } })).statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.columnUpdate)).toEqual([{ agencyId: IDS.agency, code: 'zcwj', retired: true }]);
    expect((await http.request('PATCH', `${base}/columns/zcwj`, { as: admin, body: {} })).statusCode).toBe(400);
    expect((await http.request('POST', `${base}/columns`, { as: admin, body: { code: 'zcwj', name: '政策文件', extra: 1 } })).statusCode).toBe(400);
    expect((await http.request('PUT', `${base}/columns/order`, { as: admin, body: { codes: [] } })).statusCode).toBe(400);
    expect((await http.request('PUT', `${base}/columns/order`, { as: admin, body: { codes: ['zcwj'] } })).statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.columnCreate)).toHaveLength(1);
    expect(http.payloadsOf(DRAFTING_RPC.columnReorder)).toEqual([{ agencyId: IDS.agency, codes: ['zcwj'] }]);
  });

  it('reads and writes the catalogue settings; the service’s refusals keep their status', async () => {
    expect((await http.request('GET', `${base}/catalogue-settings`, { as: drafter })).statusCode).toBe(200);
    const settings = { agencyCode: 'X', indexPattern: '{year}-{serial}', topics: ['综合政务'] };
    expect((await http.request('PUT', `${base}/catalogue-settings`, { as: admin, body: settings })).statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.catalogueUpdate)).toEqual([{ agencyId: IDS.agency, ...settings }]);
    http.reply(DRAFTING_RPC.catalogueUpdate, new DomainError('CATALOGUE.ADMIN_ONLY'));
    const refused = await http.request('PUT', `${base}/catalogue-settings`, { as: drafter, body: settings });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('CATALOGUE.ADMIN_ONLY');
    http.reply(DRAFTING_RPC.columnList, new DomainError('CATALOGUE.AGENCY_NOT_FOUND'));
    expect((await http.request('GET', `${base}/columns`, { as: drafter })).statusCode).toBe(404);
  });
});
