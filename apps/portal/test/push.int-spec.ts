import { createHash, randomUUID } from 'node:crypto';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { PortalPush, PortalReceipt } from '@sanshen/contracts';
import { portalSignature } from '@sanshen/kernel';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemBlobStore, createRootLogger, loadBaseConfig } from '@sanshen/platform/core';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { loadPortalConfig } from '../src/config/portal.config.js';
import { PortalModule } from '../src/portal.module.js';

/** A secret for this test only. */
const SECRET = 'portal-int-spec-secret-not-for-production-0001';
const PUBLIC_URL = 'https://portal.example.test';
const AGENCY = { id: 'haidong-gongxin', name: '海东市工业和信息化局' };

let app: NestFastifyApplication;
let db: DataSource;
let attachmentDir: string;

beforeAll(async () => {
  attachmentDir = await mkdtemp(join(tmpdir(), 'sanshen-portal-attachments-'));
  const base = loadBaseConfig(process.env, 3100);
  const portal = loadPortalConfig({ PORTAL_PUSH_SECRET: SECRET, PORTAL_PUBLIC_URL: PUBLIC_URL });
  const moduleRef = await Test.createTestingModule({
    imports: [PortalModule.forRoot({ base, portal, logger: createRootLogger('portal', 'silent'), attachments: new FileSystemBlobStore(attachmentDir) })],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  db = app.get(DataSource);
});

afterAll(async () => {
  await app?.close();
  await rm(attachmentDir, { recursive: true, force: true });
});

function article(overrides: Partial<PortalPush> = {}): PortalPush {
  const documentId = overrides.documentId ?? randomUUID();
  const version = overrides.version ?? 1;
  return {
    publicationId: randomUUID(),
    documentId,
    version,
    contentHash: `sha256:${createHash('sha256').update(`${documentId}/${version}`).digest('hex')}`,
    kind: 'article',
    agency: AGENCY,
    title: '关于开展2025年度中小企业数字化转型试点的通知',
    column: '通知公告',
    html: '<h1>正文</h1><p>各县区工业和信息化主管部门：现将有关事项通知如下。</p>',
    data: { summary: '试点通知' },
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

interface SendOptions {
  /** The exact body bytes; JSON.stringify(body) unless given. */
  raw?: string;
  signature?: string | null;
  key?: string | null;
}

function send<T extends { publicationId: string }>(path: '/api/push' | '/api/retract', body: T, options: SendOptions = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  let call = request(app.getHttpServer()).post(path).set('Content-Type', 'application/json');
  const signature = options.signature === undefined ? portalSignature(raw, SECRET) : options.signature;
  if (signature !== null) call = call.set('X-Sanshen-Signature', signature);
  const key = options.key === undefined ? body.publicationId : options.key;
  if (key !== null) call = call.set('Idempotency-Key', key);
  return call.send(raw);
}

const push = (body: PortalPush, options?: SendOptions) => send('/api/push', body, options);

function get(url: string) {
  return request(app.getHttpServer()).get(url.startsWith('http') ? new URL(url).pathname : url);
}

async function pageCount(documentId: string): Promise<number> {
  const [row] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM portal.pages WHERE document_id = $1', [documentId]);
  return row!.n;
}

describe('attachments (附件)', () => {
  const bytes = new TextEncoder().encode('%PDF-1.4\n% 附件测试\n');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = { sha256, filename: '2025年 名单.pdf', mediaType: 'application/pdf', size: bytes.byteLength };
  const put = (name: string, body: Uint8Array, signature: string | null = portalSignature(body, SECRET)) => {
    let call = request(app.getHttpServer()).put(`/api/attachments/${name}`).set('Content-Type', 'application/octet-stream');
    if (signature !== null) call = call.set('X-Sanshen-Signature', signature);
    return call.send(Buffer.from(body));
  };

  it('refuses a push listing an attachment it does not have, bytes that do not hash to the name, and unsigned bytes', async () => {
    const body = article({ attachments: [file] });
    const refused = await push(body);
    expect([refused.status, refused.body.code]).toEqual([422, 'PORTAL.ATTACHMENT_MISSING']);
    expect(await pageCount(body.documentId)).toBe(0);
    expect((await put('0'.repeat(64), bytes)).body.code).toBe('PORTAL.ATTACHMENT_INVALID');
    expect((await put(sha256, bytes, null)).status).toBe(401);
    expect((await put('..%2F..%2Fetc%2Fpasswd', bytes)).body.code).toBe('PORTAL.ATTACHMENT_INVALID');
  });

  it('stores the bytes once, publishes the page with its attachment list, and serves the file with its name and type', async () => {
    expect((await put(sha256, bytes)).status).toBe(201);
    expect((await put(sha256, bytes)).status).toBe(200);
    const body = article({ attachments: [file] });
    const stored = await push(body);
    expect(stored.status).toBe(201);
    const page = await get(stored.body.url);
    expect(page.text).toContain(`href="/items/${body.documentId}/attachments/${sha256}"`);
    expect(page.text).toContain('2025年 名单.pdf');
    const download = await get(`/items/${body.documentId}/attachments/${sha256}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`attachment; filename=attachment.pdf; filename*=UTF-8''2025%E5%B9%B4%20%E5%90%8D%E5%8D%95.pdf`);
    expect(Buffer.compare(download.body as Buffer, Buffer.from(bytes))).toBe(0);
    // Not an attachment of that page, or a malformed hash: the Chinese 404.
    expect((await get(`/items/${randomUUID()}/attachments/${sha256}`)).status).toBe(404);
    expect((await get(`/items/${body.documentId}/attachments/zzz`)).status).toBe(404);
  });
});

describe('portal push contract', () => {
  it('stores a push signed over its exact bytes and serves it at the receipt URL', async () => {
    const body = article({ publishedAt: new Date(Date.now() - 5 * 60_000).toISOString() });
    // Not canonical JSON: the signature covers the bytes as sent, not a re-serialization.
    const raw = JSON.stringify(body, null, 2);
    const before = Date.now();
    const response = await push(body, { raw });

    expect(response.status).toBe(201);
    const receipt = response.body as PortalReceipt;
    expect(receipt.url).toBe(`${PUBLIC_URL}/items/${body.documentId}`);
    expect(receipt.contentHash).toBe(body.contentHash);
    // publishedAt is the portal's clock at receipt, not the sender's stamp.
    expect(Date.parse(receipt.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(receipt.publishedAt).not.toBe(body.publishedAt);

    const page = await get(receipt.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toContain(`<h1>${body.title}</h1>`);
    expect(page.text).toContain('现将有关事项通知如下');
    expect(page.text).toContain('发布日期：<time');
    expect(page.text).toContain(AGENCY.name);
    // The body's h1 became an h2: the title is the page's only h1.
    expect(page.text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page.text).toContain('<h2>正文</h2>');
  });

  it('answers a repeated key with the same receipt and keeps one page', async () => {
    const body = article();
    const first = await push(body);
    const second = await push(body);

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await pageCount(body.documentId)).toBe(1);
  });

  it('makes one page from ten concurrent identical pushes', async () => {
    const body = article();
    // Hold the pages table so that all ten requests are in flight together before any can write.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    let responses: Awaited<ReturnType<typeof push>>[];
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE portal.pages IN EXCLUSIVE MODE');
      // .then() sends each request now (supertest is lazy).
      const pending = Promise.all(Array.from({ length: 10 }, () => push(body).then((response) => response)));
      await waitFor(
        async () => {
          // pg_locks, not pg_stat_activity: the latter is a snapshot frozen for this transaction.
          const { rows } = await blocker.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          return rows[0]!.n >= 10;
        },
        { what: 'ten pushes waiting on the database', timeoutMs: 20_000 },
      );
      await blocker.query('COMMIT');
      responses = await pending;
    } finally {
      await blocker.end();
    }

    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const receipts = new Set(responses.map((response) => JSON.stringify(response.body)));
    expect(receipts.size).toBe(1);
    expect(await pageCount(body.documentId)).toBe(1);
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const body = article();
    const wrong = await push(body, { signature: portalSignature(JSON.stringify(body), 'another-secret-of-32-characters-xx') });
    const missing = await push(body, { signature: null });
    const garbage = await push(body, { signature: 'sha256=not-hex' });

    for (const response of [wrong, missing, garbage]) {
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'PORTAL.SIGNATURE_INVALID', message: '推送签名无效' });
    }
    expect(await pageCount(body.documentId)).toBe(0);
  });

  it('refuses a tampered body sent with the original signature', async () => {
    const body = article();
    const signature = portalSignature(JSON.stringify(body), SECRET);
    const tampered = JSON.stringify({ ...body, title: '篡改后的标题' });

    const response = await push(body, { raw: tampered, signature });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('PORTAL.SIGNATURE_INVALID');
    expect(await pageCount(body.documentId)).toBe(0);
  });

  it('refuses malformed pushes with 400', async () => {
    const body = article();
    const notJson = await push(body, { raw: '{"publicationId":' });
    const { title: _title, ...untitled } = body;
    const missingTitle = await push(body, { raw: JSON.stringify(untitled) });
    const badHash = await push(article({ contentHash: 'md5:abc' }));
    const reportWithoutYear = await push(article({ kind: 'annual_report' }));
    const textPlain = await request(app.getHttpServer())
      .post('/api/push')
      .set('Content-Type', 'text/plain')
      .set('X-Sanshen-Signature', portalSignature(JSON.stringify(body), SECRET))
      .set('Idempotency-Key', body.publicationId)
      .send(JSON.stringify(body));
    const wrongKey = await push(body, { key: 'some-other-key' });
    const noKey = await push(body, { key: null });

    for (const response of [notJson, missingTitle, badHash, reportWithoutYear, textPlain]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('REQUEST.INVALID');
    }
    expect(missingTitle.body.details.problems).toContain('title: Invalid input: expected string, received undefined');
    for (const response of [wrongKey, noKey]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('PORTAL.IDEMPOTENCY_KEY_INVALID');
    }
    expect(await pageCount(body.documentId)).toBe(0);
  });

  it('refuses a push stamped more than ten minutes from server time with 400', async () => {
    const old = article({ publishedAt: new Date(Date.now() - 11 * 60_000).toISOString() });
    const future = article({ publishedAt: new Date(Date.now() + 11 * 60_000).toISOString() });

    for (const body of [old, future]) {
      const response = await push(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'PORTAL.PUSH_STALE', details: { reason: 'clock_skew' } });
      expect(await pageCount(body.documentId)).toBe(0);
    }
  });

  it('refuses a version older than the live one with 409', async () => {
    const v2 = article({ version: 2 });
    expect((await push(v2)).status).toBe(201);

    const v1 = article({ documentId: v2.documentId, version: 1 });
    const response = await push(v1);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PORTAL.PUSH_STALE', details: { liveVersion: 2, pushedVersion: 1 } });
    expect(await pageCount(v2.documentId)).toBe(1);
  });

  it('refuses a key reused for different content with 409', async () => {
    const body = article();
    expect((await push(body)).status).toBe(201);

    const response = await push(article({ publicationId: body.publicationId }));

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('PORTAL.IDEMPOTENCY_KEY_REUSED');
  });

  it('supersedes the page with a correction and shows a dated 更正说明', async () => {
    const v1 = article({ title: '原标题', html: '<p>第一版正文</p>' });
    const first = await push(v1);
    const v2 = article({ documentId: v1.documentId, version: 2, title: '更正后的标题', html: '<p>第二版正文</p>' });
    const second = await push(v2);

    expect(second.status).toBe(201);
    expect(second.body.url).toBe(first.body.url);
    const page = await get(second.body.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('更正后的标题');
    expect(page.text).toContain('第二版正文');
    expect(page.text).not.toContain('第一版正文');
    expect(page.text).toMatch(/更正说明：<\/strong>本文于 <time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日<\/time> 更正。/);

    const rows = await db.query<{ version: number; superseded: boolean }[]>(
      'SELECT version, superseded_at IS NOT NULL AS superseded FROM portal.pages WHERE document_id = $1 ORDER BY version',
      [v1.documentId],
    );
    expect(rows).toEqual([
      { version: 1, superseded: true },
      { version: 2, superseded: false },
    ]);
    // The first publication's receipt does not change.
    const repeated = await push(v1);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(first.body);
  });

  it('never serves script from a push', async () => {
    const body = article({
      title: '<script>alert("title")</script>标题',
      html:
        '<p onclick="alert(1)">正文</p><script>alert("body")</script><img src="x" onerror="alert(2)">' +
        '<a href="javascript:alert(3)">链接</a><iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
    });
    const response = await push(body);
    expect(response.status).toBe(201);

    const page = await get(response.body.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;标题');
    expect(page.text).not.toMatch(/<script|onclick|onerror|javascript:|<iframe|alert\("body"\)/i);
    const content = page.text.slice(page.text.indexOf('<div class="content">'), page.text.indexOf('</article>'));
    expect(content).toContain('<p>正文</p>');
    expect(content).not.toMatch(/<style|display:none/);
  });

  it('retracts a page: 410 with the notice, idempotently, and out of the feed', async () => {
    const body = article({ title: '待撤稿的文章' });
    const published = await push(body);
    const retract = { documentId: body.documentId, publicationId: body.publicationId, reason: '内容有误，经批准撤稿' };

    const unsigned = await send('/api/retract', retract, { signature: null });
    expect(unsigned.status).toBe(401);
    expect((await get(published.body.url)).status).toBe(200);

    const first = await send('/api/retract', retract);
    const again = await send('/api/retract', retract);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ url: published.body.url });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const page = await get(published.body.url);
    expect(page.status).toBe(410);
    expect(page.text).toContain('<h1>已撤稿</h1>');
    expect(page.text).toContain('撤稿原因：内容有误，经批准撤稿');
    expect(page.text).toMatch(/已于 <time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日<\/time> 撤稿/);
    expect(page.text).not.toContain('现将有关事项通知如下');

    const feed = await get('/feed.json');
    expect(feed.body.items.map((item: { id: string }) => item.id)).not.toContain(body.documentId);
    // A late push of a newer version does not bring it back.
    const late = await push(article({ documentId: body.documentId, version: 2 }));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PORTAL.DOCUMENT_RETRACTED');
  });

  it('refuses to retract a document the portal does not have', async () => {
    const response = await send('/api/retract', { documentId: randomUUID(), publicationId: randomUUID(), reason: '测试' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('PORTAL.PAGE_NOT_FOUND');
  });
});

describe('portal pages', () => {
  const report = article({
    kind: 'annual_report',
    year: 2024,
    column: undefined,
    agency: { id: 'haidong-pinpai', name: '海东市品牌促进中心' },
    title: '海东市品牌促进中心2024年政府信息公开工作年度报告',
    html:
      '<h2>一、总体情况</h2><p>2024年，本单位认真贯彻落实《条例》。</p>' +
      '<table><caption>主动公开政府信息情况</caption><thead><tr><th scope="col">信息内容</th><th scope="col">本年制发件数</th></tr></thead>' +
      '<tbody><tr><th scope="row">规章</th><td>0</td></tr></tbody></table>',
    data: { tables: { active: [[0]] } },
  });

  beforeAll(async () => {
    expect((await push(report)).status).toBe(201);
  });

  it('serves an annual report at its agency-and-year address with its table headers', async () => {
    const page = await get('/reports/haidong-pinpai/2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<h1>${report.title}</h1>`);
    expect(page.text).toContain('<th scope="col">信息内容</th>');
    expect(page.text).toContain('<th scope="row">规章</th>');
    expect(page.text).toContain('<caption>主动公开政府信息情况</caption>');
    expect(page.text).toContain('发布日期：<time');
    // The document's own address leads there.
    const item = await get(`/items/${report.documentId}`);
    expect(item.status).toBe(301);
    expect(item.headers.location).toBe('/reports/haidong-pinpai/2024');
  });

  it('lists agencies and latest items on the home page, and the agency column by section', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<a href="/agencies/haidong-pinpai">海东市品牌促进中心</a>');
    expect(home.text).toContain(report.title);
    expect(home.text.indexOf('<h1>')).toBeLessThan(home.text.indexOf('<h2'));

    const agency = await get('/agencies/haidong-pinpai');
    expect(agency.status).toBe(200);
    expect(agency.text).toContain('<h1>海东市品牌促进中心政府信息公开</h1>');
    expect(agency.text).toContain('政府信息公开工作年度报告</h2>');
    expect(agency.text).toContain('<a href="/reports/haidong-pinpai/2024">2024年度：');

    const gongxin = await get(`/agencies/${AGENCY.id}`);
    expect(gongxin.text).toContain('通知公告</h2>');
  });

  it('publishes a JSON feed and a sitemap of live pages', async () => {
    const feed = await get('/feed.json');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^application\/feed\+json/);
    expect(feed.body).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'zh-CN' });
    const item = feed.body.items.find((entry: { id: string }) => entry.id === report.documentId);
    expect(item).toMatchObject({
      url: `${PUBLIC_URL}/reports/haidong-pinpai/2024`,
      title: report.title,
      _sanshen: { kind: 'annual_report', year: 2024, version: 1, contentHash: report.contentHash, data: report.data },
    });

    const sitemap = await get('/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers['content-type']).toMatch(/^application\/xml/);
    expect(sitemap.text).toContain(`<loc>${PUBLIC_URL}/reports/haidong-pinpai/2024</loc>`);
    expect(sitemap.text).toContain(`<loc>${PUBLIC_URL}/agencies/haidong-pinpai</loc>`);
  });

  it('answers unknown pages with a Chinese 404 page', async () => {
    for (const path of ['/no/such/page', `/items/${randomUUID()}`, '/reports/haidong-pinpai/1999', '/reports/x/abc', '/agencies/nobody']) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<h1>页面不存在</h1>');
    }
    expect((await get('/health')).status).toBe(200);
  });

  it('answers liveness without asking dependencies and readiness from PostgreSQL alone (no NATS)', async () => {
    const live = await get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    for (const path of ['/health/ready', '/health']) {
      const ready = await get(path);
      expect(ready.status, path).toBe(200);
      expect(Object.keys(ready.body.details as object), path).toEqual(['postgres']);
    }
  });
});
