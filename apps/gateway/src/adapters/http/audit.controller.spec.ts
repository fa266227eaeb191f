import { AUDIT_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditController } from './audit.controller.js';
import { IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('AuditController', () => {
  let http: HttpTestApp;
  const auditor = actorWith(['auditor'], { departmentId: null });

  beforeAll(async () => {
    http = await HttpTestApp.start(AuditController, {
      replies: {
        [AUDIT_RPC.timeline]: { documentId: IDS.document, entries: [] },
        [AUDIT_RPC.verify]: { ok: true, checked: 3 },
        [AUDIT_RPC.status]: { ok: true, runId: 7, checked: 3, throughPosition: 3, headPosition: 3, running: null },
        [AUDIT_RPC.run]: { started: true, runId: 8 },
        [AUDIT_RPC.export]: { jsonl: '{"position":1}\n{"digest":"x"}\n' },
      },
    });
  });
  afterAll(() => http.close());

  it('reads a document’s ledger, verifies a document’s chain on request and answers the background verification’s result', async () => {
    expect((await http.request('GET', `/api/v1/documents/${IDS.document}/audit`, { as: auditor })).statusCode).toBe(200);
    expect((await http.request('GET', '/api/v1/audit/verify', { as: auditor })).json()).toMatchObject({ ok: true, runId: 7, running: null });
    expect(http.payloadsOf(AUDIT_RPC.status)).toEqual([{}]);
    expect((await http.request('GET', `/api/v1/audit/verify?documentId=${IDS.document}`, { as: auditor })).json()).toEqual({ ok: true, checked: 3 });
    expect(http.payloadsOf(AUDIT_RPC.verify)).toEqual([{ documentId: IDS.document }]);
    expect((await http.request('GET', '/api/v1/audit/verify?documentId=abc', { as: auditor })).statusCode).toBe(400);
  });

  it('starts a verification run in the background and answers 202 at once', async () => {
    const started = await http.request('POST', '/api/v1/audit/verify', { as: auditor });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toEqual({ started: true, runId: 8 });
    expect(http.payloadsOf(AUDIT_RPC.run)).toEqual([{}]);
  });

  it('exports JSON Lines on success and a JSON error otherwise', async () => {
    const exported = await http.request('GET', '/api/v1/audit/export?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', { as: auditor });
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    expect(exported.body).toBe('{"position":1}\n{"digest":"x"}\n');
    expect(http.payloadsOf(AUDIT_RPC.export)).toEqual([{ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }]);
    http.reply(AUDIT_RPC.export, new DomainError('AUDIT.EXPORT_RANGE_INVALID'));
    const refused = await http.request('GET', '/api/v1/audit/export', { as: auditor });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(refused.json().code).toBe('AUDIT.EXPORT_RANGE_INVALID');
  });
});
