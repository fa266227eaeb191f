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
        [AUDIT_RPC.export]: { jsonl: '{"position":1}\n{"digest":"x"}\n' },
      },
    });
  });
  afterAll(() => http.close());

  it('reads a document’s ledger and verifies the chain, for a document or all', async () => {
    expect((await http.request('GET', `/api/v1/documents/${IDS.document}/audit`, { as: auditor })).statusCode).toBe(200);
    expect((await http.request('GET', '/api/v1/audit/verify', { as: auditor })).json()).toEqual({ ok: true, checked: 3 });
    expect((await http.request('GET', `/api/v1/audit/verify?documentId=${IDS.document}`, { as: auditor })).statusCode).toBe(200);
    expect(http.payloadsOf(AUDIT_RPC.verify)).toEqual([{}, { documentId: IDS.document }]);
    expect((await http.request('GET', '/api/v1/audit/verify?documentId=abc', { as: auditor })).statusCode).toBe(400);
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
