import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DRAFTING_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { BLOB_STORE, FileSystemBlobStore } from '@sanshen/platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadAttachmentUseCase } from '../../use-cases/download-attachment/download-attachment.use-case.js';
import { UploadAttachmentUseCase } from '../../use-cases/upload-attachment/upload-attachment.use-case.js';
import { AttachmentsController } from './attachments.controller.js';
import { DOCUMENT_EXAMPLE, IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

/** A multipart body with one `file` part. */
function multipart(filename: string, bytes: Uint8Array): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----sanshen-spec';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, Buffer.from(bytes), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = new TextEncoder().encode('%PDF-1.4\n% a tiny test file\n');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('AttachmentsController', () => {
  let http: HttpTestApp;
  let directory: string;
  let store: FileSystemBlobStore;
  const url = `/api/v1/documents/${IDS.document}/attachments`;
  const drafter = actorWith(['drafter']);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sanshen-attachments-'));
    store = new FileSystemBlobStore(directory);
    http = await HttpTestApp.start(AttachmentsController, {
      replies: { [DRAFTING_RPC.addAttachment]: { ...DOCUMENT_EXAMPLE, version: 4 }, [DRAFTING_RPC.access]: { documentId: IDS.document, status: 'draft', version: 3 } },
      providers: [{ provide: BLOB_STORE, useValue: store }, UploadAttachmentUseCase, DownloadAttachmentUseCase],
    });
  });
  afterAll(async () => {
    await http.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores the bytes under their sha256 and tells drafting the hash, never the bytes', async () => {
    const { body, headers } = multipart('名单.pdf', PDF);
    const answer = await http.request('POST', `${url}?version=3`, { as: drafter, body, headers });
    expect(answer.statusCode).toBe(201);
    expect(http.payloadsOf(DRAFTING_RPC.addAttachment).at(-1)).toEqual({ documentId: IDS.document, version: 3, sha256: sha(PDF), size: PDF.byteLength, filename: '名单.pdf' });
    expect(await store.get(sha(PDF))).toEqual(PDF);
  });

  it('refuses a path in the name, a type not allowed, a file over the limit — nothing stored, nothing sent', async () => {
    const before = http.payloadsOf(DRAFTING_RPC.addAttachment).length;
    const bytes = new TextEncoder().encode('%PDF-1.4 other');
    for (const [filename, content, status, code] of [
      ['../../etc/passwd.pdf', bytes, 400, 'ATTACHMENT.FILENAME_INVALID'],
      ['run.exe', bytes, 415, 'ATTACHMENT.TYPE_NOT_ALLOWED'],
      ['big.pdf', new Uint8Array(65 * 1024), 413, 'ATTACHMENT.TOO_LARGE'],
    ] as const) {
      const { body, headers } = multipart(filename, content);
      const answer = await http.request('POST', `${url}?version=3`, { as: drafter, body, headers });
      expect([answer.statusCode, answer.json().code]).toEqual([status, code]);
      expect(answer.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(http.payloadsOf(DRAFTING_RPC.addAttachment).length).toBe(before);
    expect(await store.get(sha(bytes))).toBeNull();
  });

  it('deletes bytes it stored when drafting refuses them (wrong type inside)', async () => {
    const fake = new TextEncoder().encode('MZ this is not a pdf');
    http.reply(DRAFTING_RPC.addAttachment, new DomainError('ATTACHMENT.TYPE_MISMATCH'));
    const { body, headers } = multipart('伪装.pdf', fake);
    const answer = await http.request('POST', `${url}?version=3`, { as: drafter, body, headers });
    expect([answer.statusCode, answer.json().code]).toEqual([400, 'ATTACHMENT.TYPE_MISMATCH']);
    expect(await store.get(sha(fake))).toBeNull();
  });

  it('refuses a stale version or a document past drafting before storing anything', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 stale');
    const { body, headers } = multipart('a.pdf', bytes);
    expect((await http.request('POST', `${url}?version=2`, { as: drafter, body, headers })).json().code).toBe('DOCUMENT.VERSION_CONFLICT');
    http.reply(DRAFTING_RPC.access, { documentId: IDS.document, status: 'pending_l1', version: 3 });
    expect((await http.request('POST', `${url}?version=3`, { as: drafter, body, headers })).json().code).toBe('DOCUMENT.NOT_EDITABLE');
    http.reply(DRAFTING_RPC.access, { documentId: IDS.document, status: 'draft', version: 3 });
    expect(await store.get(sha(bytes))).toBeNull();
  });

  it('takes a multipart file only: JSON is 415 (after the JSON depth limit), a form post too', async () => {
    expect((await http.request('POST', `${url}?version=3`, { as: drafter, body: { file: 'x' } })).json().code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    const deep = `{"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect((await http.request('POST', `${url}?version=3`, { as: drafter, body: deep, headers: { 'content-type': 'application/json' } })).json().code).toBe('REQUEST.JSON_TOO_DEEP');
    expect((await http.request('POST', `${url}?version=3`, { as: drafter, body: 'file=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(415);
  });

  it('requires the version and a drafter', async () => {
    const { body, headers } = multipart('a.pdf', PDF);
    expect((await http.request('POST', url, { as: drafter, body, headers })).statusCode).toBe(400);
    expect((await http.request('POST', `${url}?version=3`, { as: actorWith(['dept_head']), body, headers })).json().code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
  });

  it('downloads with the sniffed type, an RFC 5987 file name and nosniff; 404 when drafting says so', async () => {
    http.reply(DRAFTING_RPC.getAttachment, { sha256: sha(PDF), filename: '2025年 名单.pdf', mediaType: 'application/pdf', size: PDF.byteLength });
    const answer = await http.request('GET', `${url}/${sha(PDF)}?version=4`, { as: actorWith(['dept_head']) });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename=attachment.pdf; filename*=UTF-8''2025%E5%B9%B4%20%E5%90%8D%E5%8D%95.pdf`);
    expect(answer.rawPayload).toEqual(Buffer.from(PDF));
    expect(http.payloadsOf(DRAFTING_RPC.getAttachment).at(-1)).toEqual({ documentId: IDS.document, sha256: sha(PDF), version: 4 });
    http.reply(DRAFTING_RPC.getAttachment, new DomainError('DOCUMENT.NOT_FOUND'));
    expect((await http.request('GET', `${url}/${sha(PDF)}`, { as: actorWith(['dept_head']) })).statusCode).toBe(404);
    expect((await http.request('GET', `${url}/not-a-hash`, { as: actorWith(['dept_head']) })).statusCode).toBe(400);
  });

  it('removes one by hash for the version given', async () => {
    http.reply(DRAFTING_RPC.removeAttachment, { ...DOCUMENT_EXAMPLE, version: 5 });
    const answer = await http.request('DELETE', `${url}/${sha(PDF)}`, { as: drafter, body: { version: 4 } });
    expect(answer.statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.removeAttachment).at(-1)).toEqual({ documentId: IDS.document, version: 4, sha256: sha(PDF) });
  });
});
