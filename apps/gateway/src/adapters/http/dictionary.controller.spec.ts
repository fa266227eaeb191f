import { SECRECY_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DictionaryController } from './dictionary.controller.js';
import { DICTIONARY_VERSION_EXAMPLE, IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('DictionaryController', () => {
  let http: HttpTestApp;
  const admin = actorWith(['admin'], { departmentId: null });
  const page = { version: 12, items: [], nextCursor: null };

  beforeAll(async () => {
    http = await HttpTestApp.start(DictionaryController, {
      replies: {
        [SECRECY_RPC.listEntries]: page,
        [SECRECY_RPC.listLeaders]: page,
        [SECRECY_RPC.addEntry]: { id: IDS.finding, version: 13 },
        [SECRECY_RPC.addLeader]: { id: IDS.finding, version: 13 },
        [SECRECY_RPC.removeException]: DICTIONARY_VERSION_EXAMPLE,
        [SECRECY_RPC.listVersions]: { items: [], nextCursor: null },
      },
    });
  });
  afterAll(() => http.close());

  it('lists with the query converted; an unknown query parameter is 400', async () => {
    expect((await http.request('GET', '/api/v1/dictionary/entries?q=保密&limit=10', { as: admin })).json()).toEqual(page);
    expect(http.payloadsOf(SECRECY_RPC.listEntries)).toEqual([{ q: '保密', limit: 10 }]);
    expect((await http.request('GET', '/api/v1/dictionary/entries?sort=wrong', { as: admin })).statusCode).toBe(400);
    expect((await http.request('GET', '/api/v1/dictionary/versions?limit=501', { as: admin })).statusCode).toBe(400);
  });

  it('adds an entry and a leader as given (a current leader’s until is null)', async () => {
    const entry = { wrong: '保密法', right: '保守国家秘密法', category: 'statute', reason: '全称' };
    expect((await http.request('POST', '/api/v1/dictionary/entries', { as: admin, body: entry })).statusCode).toBe(201);
    expect(http.payloadsOf(SECRECY_RPC.addEntry)).toEqual([entry]);
    const leader = { name: '张三', title: '副市长', from: '2021-03-01', until: null, reason: '任免' };
    expect((await http.request('POST', '/api/v1/dictionary/leaders', { as: admin, body: leader })).statusCode).toBe(201);
    expect(http.payloadsOf(SECRECY_RPC.addLeader)).toEqual([leader]);
    expect((await http.request('POST', '/api/v1/dictionary/leaders', { as: admin, body: { ...leader, from: '2021/03/01' } })).statusCode).toBe(400);
  });

  it('removes with a reason; the service’s refusal stands', async () => {
    const removed = await http.request('DELETE', `/api/v1/dictionary/exceptions/${IDS.finding}`, { as: admin, body: { reason: '不再适用' } });
    expect(removed.statusCode).toBe(200);
    expect(http.payloadsOf(SECRECY_RPC.removeException)).toEqual([{ id: IDS.finding, reason: '不再适用' }]);
    http.reply(SECRECY_RPC.addEntry, new DomainError('DICTIONARY.ADMIN_ONLY'));
    const refused = await http.request('POST', '/api/v1/dictionary/entries', { as: actorWith(['drafter']), body: { wrong: 'a', right: 'b', category: 'typo', reason: 'r' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DICTIONARY.ADMIN_ONLY');
  });
});
