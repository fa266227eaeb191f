import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { DRAFTING_RPC, PORTAL_IDEMPOTENCY_HEADER, PORTAL_SIGNATURE_HEADER, PUBLICATION_RPC, rpcSubject, streamName } from '@sanshen/contracts';
import type { ArticleContent, DocumentEventPayloads, DocumentVersionView, EventEnvelope, GetVersionRequest, NotificationListView, PortalPush, PublicationRequest, PublicationView, RpcRequest } from '@sanshen/contracts';
import { contentHashOf, DomainError, verifyPortalSignature } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { MessagingRuntime } from '@sanshen/messaging';
import { bootstrapService, createRootLogger, dataSourceOptions, loadBaseConfig, loadBlobStore, openDataSource } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingTables1700000000000 } from '../../../test/support/messaging-tables.migration.js';
import { loadPublicationConfig } from '../src/config/publication.config.js';
import { PublicationModule } from '../src/publication.module.js';

/*
 * The publication service as it runs (Fastify + NATS request-reply, PostgreSQL with its migrations,
 * JetStream, BullMQ on Redis) against stand-ins for its neighbours: a secrecy service that emits
 * `document.secrecy_cleared` through its own outbox, a drafting service answering
 * `drafting.version.get` on NATS, and a portal on a loopback HTTP port that checks signatures.
 */

const NAMESPACE = `${requireEnv('SANSHEN_TEST_NAMESPACE')}_pub`;
const SECRET = 'test-portal-push-secret-0123456789abcdef';
const AGENCY = randomUUID();
const OTHER_AGENCY = randomUUID();
const ATTEMPTS = 3;

process.env.PORTAL_PUSH_SECRET = SECRET;
process.env.PUBLISH_ATTEMPTS = String(ATTEMPTS);
process.env.PUBLISH_BACKOFF_MS = '40';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

// --- the portal stand-in ---------------------------------------------------------------------

type PortalStep = number | 'drop';

interface ReceivedPush {
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  body: PortalPush;
}

/** One page per Idempotency-Key, like the real portal; each document follows a script of answers. */
class FakePortal {
  readonly received: ReceivedPush[] = [];
  readonly pages = new Map<string, { url: string; publishedAt: string; contentHash: string; documentId: string }>();
  private readonly scripts = new Map<string, PortalStep[]>();
  private server: Server | null = null;

  script(documentId: string, steps: PortalStep[]): void {
    this.scripts.set(documentId, [...steps]);
  }

  pushesFor(documentId: string): ReceivedPush[] {
    return this.received.filter((push) => push.body.documentId === documentId);
  }

  pagesFor(documentId: string): number {
    return [...this.pages.values()].filter((page) => page.documentId === documentId).length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method !== 'POST' || req.url !== '/api/push') {
      res.writeHead(404).end();
      return;
    }
    const signatureValid = verifyPortalSignature(raw, req.headers[PORTAL_SIGNATURE_HEADER], SECRET);
    const body = JSON.parse(raw.toString('utf8')) as PortalPush;
    const idempotencyKey = req.headers[PORTAL_IDEMPOTENCY_HEADER] as string | undefined;
    this.received.push({ idempotencyKey, signatureValid, body });
    if (!signatureValid || idempotencyKey !== body.publicationId) {
      reply(res, 401, { code: 'PORTAL.SIGNATURE_INVALID' });
      return;
    }
    const step = this.scripts.get(body.documentId)?.shift() ?? 201;
    if (typeof step === 'number' && step >= 400) {
      reply(res, step, { code: 'TEST.SCRIPTED', message: `scripted ${step}` });
      return;
    }
    const stored = this.pages.get(idempotencyKey);
    const page = stored ?? {
      url: `https://portal.test/pages/${body.documentId}/v${body.version}`,
      publishedAt: new Date().toISOString(),
      contentHash: body.contentHash,
      documentId: body.documentId,
    };
    this.pages.set(idempotencyKey, page);
    if (step === 'drop') {
      // Stored, but the receipt is lost on the wire.
      req.socket.destroy();
      return;
    }
    reply(res, stored ? 200 : 201, { url: page.url, publishedAt: page.publishedAt, contentHash: page.contentHash });
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// --- the drafting stand-in --------------------------------------------------------------------

/** Answers `drafting.version.get` the way a Nest NATS handler does ({id, response|err, isDisposed}). */
class FakeDrafting {
  readonly versions = new Map<string, DocumentVersionView>();
  readonly requests: RpcRequest<GetVersionRequest>[] = [];
  private subscription: Subscription | null = null;
  private catalogueSubscription: Subscription | null = null;

  start(nc: NatsConnection): void {
    this.startCatalogue(nc);
    const subject = rpcSubject({ name: NAMESPACE }, DRAFTING_RPC.getVersion);
    this.subscription = nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error) return;
        const { id, data } = msg.json<{ id: string; data: RpcRequest<GetVersionRequest> }>();
        this.requests.push(data);
        const version = this.versions.get(`${data.payload.documentId}@${data.payload.version}`);
        msg.respond(
          JSON.stringify(
            version
              ? { id, response: version, isDisposed: true }
              : { id, err: { code: 'DOCUMENT.NOT_FOUND', message: '文档不存在或无权查看' }, isDisposed: true },
          ),
        );
      },
    });
  }

  /** `drafting.catalogue.assign`: one 索引号 per document, numbered in the order documents were first asked for. */
  startCatalogue(nc: NatsConnection): void {
    const numbers = new Map<string, string>();
    this.catalogueSubscription = nc.subscribe(rpcSubject({ name: NAMESPACE }, DRAFTING_RPC.catalogueAssign), {
      callback: (error, msg) => {
        if (error) return;
        const { id, data } = msg.json<{ id: string; data: RpcRequest<{ documentId: string; version: number }> }>();
        const number = numbers.get(data.payload.documentId) ?? `TEST/${String(numbers.size + 1).padStart(5, '0')}`;
        numbers.set(data.payload.documentId, number);
        const entry = { documentId: data.payload.documentId, indexNumber: number, publisher: '海东市测试局', columnCode: 'gzdt', columnName: '工作动态', writtenOn: '2026-12-01', documentNumber: null, topic: '综合政务', openness: '主动公开', assignedAt: new Date().toISOString() };
        msg.respond(JSON.stringify({ id, response: entry, isDisposed: true }));
      },
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.catalogueSubscription?.unsubscribe();
  }

  add(version: DocumentVersionView): void {
    this.versions.set(`${version.documentId}@${version.version}`, version);
  }
}

function articleVersion(documentId: string, version: number, content: ArticleContent): DocumentVersionView {
  return {
    documentId,
    version,
    contentHash: contentHashOf(content),
    kind: 'article',
    title: content.title,
    agencyId: AGENCY,
    agencyName: '海东市测试局',
    departmentId: randomUUID(),
    authorId: randomUUID(),
    content,
    createdAt: new Date().toISOString(),
  };
}

// --- the secrecy stand-in (producer) ----------------------------------------------------------

// --- the world --------------------------------------------------------------------------------

const portal = new FakePortal();
const drafting = new FakeDrafting();
let config: BaseConfig;
let app: INestApplication | null = null;
let nc: NatsConnection;
let secrecyDb: DataSource;
let secrecy: MessagingRuntime;
let db: pg.Pool;
let client: ServiceClient;

async function bootPublication(): Promise<INestApplication> {
  const logger = createRootLogger('publication', config.logLevel);
  return bootstrapService(
    PublicationModule.forRoot({ config, publication: loadPublicationConfig(process.env), logger, attachments: loadBlobStore(process.env) }),
    { service: 'publication', config },
  );
}

beforeAll(async () => {
  process.env.PORTAL_URL = await portal.start();
  config = { ...loadBaseConfig(process.env, 3004), namespace: { name: NAMESPACE }, port: 0, host: '127.0.0.1' };
  nc = await connect({ servers: config.natsUrl, name: `${NAMESPACE}-test` });
  drafting.start(nc);
  secrecyDb = await openDataSource(
    dataSourceOptions(config.databaseUrl, {
      schema: 'pubtest_secrecy',
      entities: [],
      migrations: [MessagingTables1700000000000],
    }) as Parameters<typeof openDataSource>[0],
  );
  secrecy = new MessagingRuntime(secrecyDb, nc, {
    namespace: { name: NAMESPACE },
    service: 'secrecy',
    produces: true,
    replaySources: [],
    relayIntervalMs: 100,
  });
  await secrecy.start();
  db = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  client = new ServiceClient(config);
  app = await bootPublication();
});

afterAll(async () => {
  await app?.close();
  await client?.onApplicationShutdown();
  await secrecy?.stop();
  drafting.stop();
  await nc?.close();
  await secrecyDb?.destroy();
  await db?.end();
  await portal.stop();
});

// --- helpers ----------------------------------------------------------------------------------

function actor(roles: Role[], agencyId = AGENCY): Actor {
  return { userId: randomUUID(), agencyId, agencyName: '海东市测试局', departmentId: null, roles, oversees: [], displayName: '测试用户' };
}

/** What the secrecy service emits when its officer clears a version. */
async function emitSecrecyCleared(documentId: string, sequence: number, version: number, contentHash: string): Promise<EventEnvelope> {
  const payload: DocumentEventPayloads['secrecy_cleared'] = {
    version,
    contentHash,
    decisionId: randomUUID(),
    basis: '《中华人民共和国政府信息公开条例》',
    opinion: '经审查，可以公开',
  };
  const [envelope] = await secrecyDb.transaction((manager) =>
    secrecy.emit(manager, [
      {
        type: 'document.secrecy_cleared',
        documentId,
        sequence,
        actor: { userId: randomUUID(), agencyId: AGENCY, roles: ['secrecy_officer'] },
        correlationId: randomUUID(),
        causationId: null,
        payload,
        occurredAt: new Date(),
      },
    ]),
  );
  secrecy.afterCommit();
  return envelope;
}

interface PublicationRow {
  id: string;
  state: string;
  event_seq: number;
  run: number;
  receipt_url: string | null;
  published_at: Date | null;
  receipt_content_hash: string | null;
  failure_reason: string | null;
}

async function publicationOf(documentId: string): Promise<PublicationRow | undefined> {
  const { rows } = await db.query<PublicationRow>('SELECT * FROM publication.publications WHERE document_id = $1', [documentId]);
  return rows[0];
}

async function waitForState(documentId: string, state: string, timeoutMs = 20_000): Promise<PublicationRow> {
  return waitFor(async () => {
    const row = await publicationOf(documentId);
    return row?.state === state ? row : undefined;
  }, { timeoutMs, what: `publication of ${documentId} to be ${state}` });
}

/** Every event of a document on the JetStream stream, in stream order. */
async function streamEvents(documentId: string): Promise<EventEnvelope[]> {
  const jsm = await jetstreamManager(nc);
  const stream = streamName({ name: NAMESPACE });
  const info = await jsm.streams.info(stream);
  const events: EventEnvelope[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message === null) continue;
    const envelope = message.json<EventEnvelope>();
    if (envelope.documentId === documentId) events.push(envelope);
  }
  return events;
}

async function waitForEvents(documentId: string, types: string[]): Promise<EventEnvelope[]> {
  return waitFor(async () => {
    const events = await streamEvents(documentId);
    return types.every((type) => events.some((event) => event.type === type)) ? events : undefined;
  }, { what: `${types.join(', ')} of ${documentId} on the stream` });
}

function rpc<T>(pattern: string, who: Actor, payload: PublicationRequest): Promise<T> {
  return client.send<T, PublicationRequest>(pattern, { actor: who, correlationId: randomUUID(), payload });
}

async function rpcError(pattern: string, who: Actor, payload: PublicationRequest): Promise<string> {
  try {
    await rpc(pattern, who, payload);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error(`${pattern} succeeded where it should have been refused`);
}

/** A document cleared at sequence `sequence`, whose version drafting serves as signed. */
function clearedArticle(title: string, body = '<p>正文</p>') {
  const documentId = randomUUID();
  const version = articleVersion(documentId, 2, { title, column: '工作动态', body });
  drafting.add(version);
  return { documentId, version };
}

// --- the tests --------------------------------------------------------------------------------

describe('publication', () => {
  it('pushes a cleared version signed to the portal and records the receipt and the events', async () => {
    const { documentId, version } = clearedArticle('关于开展安全生产检查的通知', '<p>请各单位<script>alert(1)</script>按时<a href="javascript:evil()">报送</a>。</p>');
    const cleared = await emitSecrecyCleared(documentId, 9, version.version, version.contentHash);

    const row = await waitForState(documentId, 'published');
    const pushes = portal.pushesFor(documentId);
    expect(pushes).toHaveLength(1);
    const [push] = pushes;
    expect(push.signatureValid).toBe(true);
    expect(push.idempotencyKey).toBe(row.id);
    expect(push.body).toMatchObject({
      publicationId: row.id,
      documentId,
      version: 2,
      contentHash: version.contentHash,
      kind: 'article',
      agency: { id: AGENCY, name: '海东市测试局' },
      title: '关于开展安全生产检查的通知',
      column: '工作动态',
      catalogue: { indexNumber: expect.stringMatching(/^TEST\/\d{5}$/), columnCode: 'gzdt', topic: '综合政务', openness: '主动公开' },
    });
    expect(push.body.html).toBe('<p>请各单位按时<a rel="noopener noreferrer">报送</a>。</p>');
    expect(row.receipt_url).toBe(`https://portal.test/pages/${documentId}/v2`);
    expect(row.receipt_content_hash).toBe(version.contentHash);
    expect(row.event_seq).toBe(11);
    expect(drafting.requests.find((request) => request.payload.documentId === documentId)?.actor).toMatchObject({
      userId: 'system',
      agencyId: AGENCY,
    });

    const events = await waitForEvents(documentId, ['document.publish_started', 'document.published']);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy_cleared', 9],
      ['document.publish_started', 10],
      ['document.published', 11],
    ]);
    const [, started, published] = events;
    expect(started).toMatchObject({
      producer: 'publication',
      actor: { userId: 'system', agencyId: AGENCY, roles: [] },
      correlationId: cleared.correlationId,
      causationId: cleared.id,
      payload: { version: 2, contentHash: version.contentHash, publicationId: row.id, scheduledAt: null },
    });
    expect(published).toMatchObject({
      actor: { userId: 'system', agencyId: AGENCY },
      correlationId: cleared.correlationId,
      causationId: started.id,
      payload: { version: 2, contentHash: version.contentHash, publicationId: row.id, url: row.receipt_url },
    });

    const view = await rpc<PublicationView>(PUBLICATION_RPC.get, actor(['auditor']), { documentId });
    expect(view).toMatchObject({
      publicationId: row.id,
      state: 'published',
      version: 2,
      receipt: { url: row.receipt_url, contentHash: version.contentHash },
      attempts: [{ attempt: 1, outcome: 'succeeded', httpStatus: 201, error: null }],
    });
    expect(await rpcError(PUBLICATION_RPC.get, actor(['publisher'], OTHER_AGENCY), { documentId })).toBe('PUBLICATION.NOT_FOUND');
  });

  it('retries 503s with backoff and ends with one page', async () => {
    const { documentId, version } = clearedArticle('二〇二五年第三季度工作动态');
    portal.script(documentId, [503, 503, 201]);
    await emitSecrecyCleared(documentId, 4, version.version, version.contentHash);

    const row = await waitForState(documentId, 'published');
    const pushes = portal.pushesFor(documentId);
    expect(pushes).toHaveLength(3);
    expect(new Set(pushes.map((push) => push.idempotencyKey))).toEqual(new Set([row.id]));
    expect(pushes.every((push) => push.signatureValid)).toBe(true);
    expect(portal.pagesFor(documentId)).toBe(1);

    const view = await rpc<PublicationView>(PUBLICATION_RPC.get, actor(['drafter']), { documentId });
    expect(view.attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.httpStatus])).toEqual([
      [1, 'retrying', 503],
      [2, 'retrying', 503],
      [3, 'succeeded', 201],
    ]);
    const events = await waitForEvents(documentId, ['document.published']);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy_cleared', 4],
      ['document.publish_started', 5],
      ['document.published', 6],
    ]);
  });

  it('retries a push whose receipt was lost and gets the same page back', async () => {
    const { documentId, version } = clearedArticle('receipt lost on the wire');
    portal.script(documentId, ['drop']);
    await emitSecrecyCleared(documentId, 5, version.version, version.contentHash);

    const row = await waitForState(documentId, 'published');
    expect(portal.pushesFor(documentId)).toHaveLength(2);
    expect(portal.pagesFor(documentId)).toBe(1);
    expect(row.receipt_url).toBe(`https://portal.test/pages/${documentId}/v2`);
    const view = await rpc<PublicationView>(PUBLICATION_RPC.get, actor(['publisher']), { documentId });
    expect(view.attempts.map((attempt) => [attempt.outcome, attempt.httpStatus])).toEqual([
      ['retrying', null],
      ['succeeded', 200],
    ]);
  });

  it('fails at once when the portal refuses the push with a 400', async () => {
    const { documentId, version } = clearedArticle('refused by the portal');
    portal.script(documentId, [400]);
    await emitSecrecyCleared(documentId, 7, version.version, version.contentHash);

    const row = await waitForState(documentId, 'publish_failed');
    expect(portal.pushesFor(documentId)).toHaveLength(1);
    expect(row.failure_reason).toContain('HTTP 400');
    const events = await waitForEvents(documentId, ['document.publish_failed']);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy_cleared', 7],
      ['document.publish_started', 8],
      ['document.publish_failed', 9],
    ]);
    expect(events[2]).toMatchObject({ actor: { userId: 'system' }, payload: { publicationId: row.id, attempts: 1 } });

    const { rows: notifications } = await db.query<{ agency_id: string; kind: string; run: number; title: string; message: string }>(
      'SELECT * FROM publication.publication_notifications WHERE publication_id = $1',
      [row.id],
    );
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ agency_id: AGENCY, kind: 'publish_failed', run: 0, title: '发布失败：refused by the portal' });
    expect(notifications[0].message).toMatch(/^《refused by the portal》发布失败：.*HTTP 400.*，请在发布管理中重试$/);

    const listFor = async (who: Actor) =>
      (await client.send<NotificationListView, Record<string, never>>(PUBLICATION_RPC.notifications, { actor: who, correlationId: randomUUID(), payload: {} }))
        .items.filter((item) => item.documentId === documentId);
    expect(await listFor(actor(['publisher']))).toEqual([
      expect.objectContaining({ kind: 'publish_failed', documentId, title: '发布失败：refused by the portal', message: notifications[0].message }),
    ]);
    expect(await listFor(actor(['drafter']))).toEqual([]);
    expect(await listFor(actor(['publisher'], OTHER_AGENCY))).toEqual([]);
  });

  it('refuses to push content that does not hash to what was signed', async () => {
    const { documentId, version } = clearedArticle('签署后被篡改的文章');
    const signedHash = version.contentHash;
    drafting.add({ ...version, content: { ...(version.content as ArticleContent), body: '<p>篡改后的正文</p>' } });
    await emitSecrecyCleared(documentId, 12, version.version, signedHash);

    const row = await waitForState(documentId, 'publish_failed');
    expect(row.failure_reason).toBe('内容哈希不一致');
    expect(portal.pushesFor(documentId)).toHaveLength(0);
    const events = await waitForEvents(documentId, ['document.publish_failed']);
    expect(events.at(-1)).toMatchObject({
      sequence: 14,
      payload: { reason: '内容哈希不一致', attempts: 1, contentHash: signedHash },
    });
  });

  it('lets a publisher of the agency retry a failed publication, and nobody else', async () => {
    const { documentId, version } = clearedArticle('retried by the publisher');
    portal.script(documentId, [503, 503, 503]);
    await emitSecrecyCleared(documentId, 3, version.version, version.contentHash);

    const failed = await waitForState(documentId, 'publish_failed');
    expect(failed.failure_reason).toContain('HTTP 503');
    await waitForEvents(documentId, ['document.publish_failed']);
    expect((await streamEvents(documentId)).at(-1)).toMatchObject({ sequence: 5, payload: { attempts: ATTEMPTS } });

    expect(await rpcError(PUBLICATION_RPC.retry, actor(['drafter']), { documentId })).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    expect(await rpcError(PUBLICATION_RPC.retry, actor(['publisher'], OTHER_AGENCY), { documentId })).toBe('PUBLICATION.NOT_FOUND');
    expect(await rpcError(PUBLICATION_RPC.retry, actor(['publisher']), { documentId: 'not-a-uuid' })).toBe('REQUEST.INVALID');

    const publisher = actor(['publisher']);
    const retried = await rpc<PublicationView>(PUBLICATION_RPC.retry, publisher, { documentId });
    expect(retried.state).toBe('publishing');

    const row = await waitForState(documentId, 'published');
    expect(row.run).toBe(1);
    expect(portal.pagesFor(documentId)).toBe(1);
    const events = await waitForEvents(documentId, ['document.published']);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy_cleared', 3],
      ['document.publish_started', 4],
      ['document.publish_failed', 5],
      ['document.publish_retried', 6],
      ['document.published', 7],
    ]);
    expect(events[3]).toMatchObject({ actor: { userId: publisher.userId, roles: ['publisher'] }, causationId: null });
    expect(events[4].causationId).toBe(events[3].id);

    expect(await rpcError(PUBLICATION_RPC.retry, publisher, { documentId })).toBe('DOCUMENT.INVALID_TRANSITION');
  });

  it('holds a version scheduled before it was cleared until its time, then starts and publishes it', async () => {
    const { documentId, version } = clearedArticle('关于元旦假期安排的通知');
    const publishAt = new Date(Date.now() + 2_500);
    // As `publication.schedule.set` stores it (that RPC asks drafting for the document first).
    await db.query(
      `INSERT INTO publication.publication_schedules (document_id, version, agency_id, publish_at, set_by) VALUES ($1, $2, $3, $4, $5)`,
      [documentId, version.version, AGENCY, publishAt, randomUUID()],
    );
    await emitSecrecyCleared(documentId, 9, version.version, version.contentHash);

    const waiting = await waitForState(documentId, 'scheduled');
    expect(waiting.event_seq).toBe(9);
    expect(portal.pushesFor(documentId)).toHaveLength(0);
    expect((await streamEvents(documentId)).map((event) => event.type)).toEqual(['document.secrecy_cleared']);
    const view = await rpc<PublicationView>(PUBLICATION_RPC.get, actor(['publisher']), { documentId });
    expect(view).toMatchObject({ state: 'scheduled', scheduledAt: publishAt.toISOString(), receipt: null });

    const row = await waitForState(documentId, 'published');
    expect(row.event_seq).toBe(11);
    expect(portal.pushesFor(documentId)).toHaveLength(1);
    const events = await waitForEvents(documentId, ['document.publish_started', 'document.published']);
    const started = events.find((event) => event.type === 'document.publish_started')!;
    expect(started.sequence).toBe(10);
    expect((started.payload as DocumentEventPayloads['publish_started']).scheduledAt).toBe(publishAt.toISOString());
    expect(new Date(started.occurredAt).getTime()).toBeGreaterThanOrEqual(publishAt.getTime() - 1_000);
    expect(events.find((event) => event.type === 'document.published')!.sequence).toBe(11);
  });

  it('resumes at boot a publication left publishing without a job', async () => {
    await app!.close();
    app = null;
    const { documentId, version } = clearedArticle('left publishing by a crash');
    const publicationId = randomUUID();
    await db.query(
      `INSERT INTO publication.publications (id, document_id, version, content_hash, agency_id, state, event_seq, correlation_id)
       VALUES ($1, $2, $3, $4, $5, 'publishing', 21, $6)`,
      [publicationId, documentId, version.version, version.contentHash, AGENCY, randomUUID()],
    );

    app = await bootPublication();
    const row = await waitForState(documentId, 'published');
    expect(row.id).toBe(publicationId);
    expect(portal.pushesFor(documentId)).toHaveLength(1);
    const events = await waitForEvents(documentId, ['document.published']);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([['document.published', 22]]);

    const health = await fetch(`${await app.getUrl()}/health`);
    expect(health.status).toBe(200);
  });
});

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the integration project (test/support/global-setup.ts)`);
  return value;
}
