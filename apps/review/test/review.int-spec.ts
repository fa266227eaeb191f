import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { queuePrefix, QUEUES, REVIEW_RPC } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventEnvelope, InboxView, NotificationListView, NotificationView, ReviewDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { MessagingRuntime } from '@sanshen/messaging';
import { bootstrapService, createRootLogger, dataSourceOptions, loadBaseConfig, openDataSource } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import { Queue } from 'bullmq';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingTables1700000000000 } from '../../../test/support/messaging-tables.migration.js';
import { loadReviewConfig } from '../src/config/review.config.js';
import { ReviewModule } from '../src/review.module.js';

/*
 * The review service as it runs (NATS request-reply, PostgreSQL with its migrations, JetStream,
 * BullMQ on Redis) fed by a drafting stand-in that emits `document.submitted` through its own
 * outbox, with reminders counted in 300 ms "days" and a webhook on a loopback port.
 */

const NAMESPACE = `${requireEnv('SANSHEN_TEST_NAMESPACE')}_rev`;
const AGENCY = randomUUID();
const DEPARTMENT = randomUUID();
const OTHER_DEPARTMENT = randomUUID();

process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

const webhook: { received: NotificationView[]; server: Server | null } = { received: [], server: null };
let config: BaseConfig;
let app: INestApplication | null = null;
let nc: NatsConnection;
let draftingDb: DataSource;
let drafting: MessagingRuntime;
let db: pg.Pool;
let client: ServiceClient;

function person(roles: Role[], extra: Partial<Actor> = {}): Actor {
  return {
    userId: randomUUID(),
    agencyId: AGENCY,
    agencyName: '海东市测试局',
    departmentId: DEPARTMENT,
    roles,
    oversees: [],
    displayName: `测试${roles.join('')}`,
    ...extra,
  };
}

const drafter = person(['drafter'], { displayName: '张信息员' });
const head = person(['dept_head'], { displayName: '李科长' });
const otherHead = person(['dept_head'], { departmentId: OTHER_DEPARTMENT, displayName: '钱科长' });
const deputy = person(['deputy'], { departmentId: null, oversees: [DEPARTMENT], displayName: '王副局长' });
const principal = person(['principal'], { departmentId: null, displayName: '赵局长' });

beforeAll(async () => {
  webhook.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      webhook.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotificationView);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhook.server!.listen(0, '127.0.0.1', resolve));
  process.env.REVIEW_NOTIFY_WEBHOOK_URL = `http://127.0.0.1:${(webhook.server.address() as AddressInfo).port}/hook`;
  config = { ...loadBaseConfig(process.env, 3002), namespace: { name: NAMESPACE }, port: 0, host: '127.0.0.1' };
  nc = await connect({ servers: config.natsUrl, name: `${NAMESPACE}-test` });
  draftingDb = await openDataSource(
    dataSourceOptions(config.databaseUrl, { schema: 'revtest_drafting', entities: [], migrations: [MessagingTables1700000000000] }) as Parameters<
      typeof openDataSource
    >[0],
  );
  drafting = new MessagingRuntime(draftingDb, nc, {
    namespace: { name: NAMESPACE },
    service: 'drafting',
    produces: true,
    replaySources: [],
    relayIntervalMs: 100,
  });
  await drafting.start();
  db = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  client = new ServiceClient(config);
  const review = loadReviewConfig({ ...process.env, REVIEW_REMINDER_UNIT_MS: '300', REVIEW_REMINDER_DAYS: '2', REVIEW_ESCALATION_DAYS: '4', REVIEW_REMINDER_SWEEP_MS: '100' });
  app = await bootstrapService(ReviewModule.register(config, createRootLogger('review', config.logLevel), review), { service: 'review', config });
});

afterAll(async () => {
  await app?.close();
  await client?.onApplicationShutdown();
  await drafting?.stop();
  await nc?.close();
  await draftingDb?.destroy();
  await db?.end();
  webhook.server?.closeAllConnections();
  await new Promise<void>((resolve) => (webhook.server ? webhook.server.close(() => resolve()) : resolve()));
});

/** What drafting emits when the drafter submits a version. */
async function emitSubmitted(documentId: string, sequence: number, version: number, contentHash: string): Promise<EventEnvelope> {
  const payload: DocumentEventPayloads['submitted'] = {
    version,
    contentHash,
    agencyId: AGENCY,
    departmentId: DEPARTMENT,
    authorId: drafter.userId,
    submitterId: drafter.userId,
    kind: 'article',
    title: '关于开展安全生产检查的通知',
  };
  const [envelope] = await draftingDb.transaction((manager) =>
    drafting.emit(manager, [
      {
        type: 'document.submitted',
        documentId,
        sequence,
        actor: { userId: drafter.userId, agencyId: AGENCY, roles: ['drafter'], displayName: drafter.displayName },
        correlationId: randomUUID(),
        causationId: null,
        payload,
        occurredAt: new Date(),
      },
    ]),
  );
  drafting.afterCommit();
  return envelope!;
}

function rpc<T>(pattern: string, who: Actor, payload: object): Promise<T> {
  return client.send<T>(pattern, { actor: who, correlationId: randomUUID(), payload });
}

async function rpcError(pattern: string, who: Actor, payload: object): Promise<string> {
  try {
    await rpc(pattern, who, payload);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error(`${pattern} succeeded where it should have been refused`);
}

async function caseOf(documentId: string): Promise<{ status: string; event_seq: number; returned_level: number | null } | undefined> {
  const { rows } = await db.query('SELECT status, event_seq, returned_level FROM review.review_cases WHERE document_id = $1', [documentId]);
  return rows[0] as { status: string; event_seq: number; returned_level: number | null } | undefined;
}

async function outboxOf(documentId: string): Promise<{ event_type: string; sequence: number; envelope: EventEnvelope }[]> {
  const { rows } = await db.query('SELECT event_type, sequence, envelope FROM review.outbox WHERE document_id = $1 ORDER BY sequence', [documentId]);
  return rows as { event_type: string; sequence: number; envelope: EventEnvelope }[];
}

async function opened(documentId: string, status = 'pending_l1'): Promise<void> {
  await waitFor(async () => (await caseOf(documentId))?.status === status, { what: `review case ${documentId} at ${status}` });
}

describe('review service', () => {
  it('resumes an unchanged resubmission at the returning level with one `resumed` per carried signature', async () => {
    const documentId = randomUUID();
    await emitSubmitted(documentId, 2, 1, 'sha256:same');
    await opened(documentId);
    for (const [who, next] of [
      [head, 'pending_l2'],
      [deputy, 'pending_l3'],
    ] as const) {
      const view = await rpc<ReviewDecisionView>(REVIEW_RPC.approve, who, { documentId, version: 1 });
      expect(view.status).toBe(next);
    }
    const returned = await rpc<ReviewDecisionView>(REVIEW_RPC.return, principal, { documentId, version: 1, reason: '请补充', to: 'drafter' });
    expect(returned.status).toBe('draft');
    expect((await caseOf(documentId))?.returned_level).toBe(3);

    await emitSubmitted(documentId, 6, 1, 'sha256:same');
    await opened(documentId, 'pending_l3');
    expect(await caseOf(documentId)).toMatchObject({ event_seq: 8, returned_level: null });
    const events = await outboxOf(documentId);
    expect(events.map((event) => [event.event_type, event.sequence])).toEqual([
      ['document.approved_l1', 3],
      ['document.approved_l2', 4],
      ['document.returned', 5],
      ['document.resumed', 7],
      ['document.resumed', 8],
    ]);
    expect(events[3]!.envelope).toMatchObject({ actor: { userId: 'system' }, payload: { level: 1, signerId: head.userId } });
    const inbox = await rpc<InboxView>(REVIEW_RPC.inbox, principal, {});
    expect(inbox.items.find((item) => item.documentId === documentId)).toMatchObject({ level: 3 });
  });

  it('starts again at level 1 when the resubmitted version is new', async () => {
    const documentId = randomUUID();
    await emitSubmitted(documentId, 2, 1, 'sha256:a');
    await opened(documentId);
    await rpc(REVIEW_RPC.approve, head, { documentId, version: 1 });
    await rpc(REVIEW_RPC.return, deputy, { documentId, version: 1, reason: '数据有误', to: 'drafter' });
    await emitSubmitted(documentId, 6, 2, 'sha256:b');
    await opened(documentId, 'pending_l1');
    expect((await outboxOf(documentId)).map((event) => event.event_type)).not.toContain('document.resumed');
    expect(await rpcError(REVIEW_RPC.approve, deputy, { documentId, version: 2 })).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
  });

  it('enforces separation of duties with stable codes', async () => {
    const documentId = randomUUID();
    await emitSubmitted(documentId, 2, 1, 'sha256:sod');
    await opened(documentId);
    expect(await rpcError(REVIEW_RPC.approve, otherHead, { documentId, version: 1 })).toBe('DOCUMENT.NOT_IN_SCOPE');
    const headAndDeputy = { ...head, roles: ['dept_head', 'deputy'] as Role[], oversees: [DEPARTMENT] };
    await rpc(REVIEW_RPC.approve, headAndDeputy, { documentId, version: 1 });
    expect(await rpcError(REVIEW_RPC.approve, headAndDeputy, { documentId, version: 1 })).toBe('REVIEW.ALREADY_SIGNED');
    const authorAsDeputy = { ...drafter, roles: ['drafter', 'deputy'] as Role[], oversees: [DEPARTMENT] };
    expect(await rpcError(REVIEW_RPC.approve, authorAsDeputy, { documentId, version: 1 })).toBe('REVIEW.SELF_APPROVAL');
    expect(await rpcError(REVIEW_RPC.approve, deputy, { documentId, version: 1, level: 1 })).toBe('DOCUMENT.INVALID_TRANSITION');
  });

  it('reminds the head, escalates to the deputy, posts both to the webhook, and addresses them by duty', async () => {
    const documentId = randomUUID();
    await emitSubmitted(documentId, 2, 1, 'sha256:slow');
    const kinds = (list: NotificationView[]) => list.filter((item) => item.documentId === documentId).map((item) => `${item.kind}@${item.level}`);
    await waitFor(() => kinds(webhook.received).length >= 2 || undefined, { what: 'reminder and escalation on the webhook' });
    expect(kinds(webhook.received).sort()).toEqual(['review_escalation@2', 'review_reminder@1']);
    expect(kinds((await rpc<NotificationListView>(REVIEW_RPC.notifications, head, {})).items)).toEqual(['review_reminder@1']);
    expect(kinds((await rpc<NotificationListView>(REVIEW_RPC.notifications, deputy, {})).items)).toEqual(['review_escalation@2']);
    expect(kinds((await rpc<NotificationListView>(REVIEW_RPC.notifications, otherHead, {})).items)).toEqual([]);
    expect(kinds((await rpc<NotificationListView>(REVIEW_RPC.notifications, principal, {})).items)).toEqual([]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM review.review_notifications WHERE document_id = $1', [documentId]);
    expect(rows[0]).toEqual({ n: 2 });
  });

  it('reminds open tasks only: a task decided in time is not escalated, the next level’s is, from when it opened; no job per decision', async () => {
    const queue = new Queue(QUEUES.reviewReminders, { connection: { url: process.env.REDIS_URL }, prefix: queuePrefix(NAMESPACE) });
    try {
      const documentId = randomUUID();
      await emitSubmitted(documentId, 2, 1, 'sha256:decided');
      await opened(documentId);
      // Well before its escalation (four 300 ms "days"): the level-1 task closes.
      await rpc<ReviewDecisionView>(REVIEW_RPC.approve, head, { documentId, version: 1 });
      const kinds = () => webhook.received.filter((item) => item.documentId === documentId).map((item) => `${item.kind}@${item.level}`);
      await waitFor(() => kinds().includes('review_escalation@3') || undefined, { what: 'the level-2 task escalated to the principal' });
      expect(kinds()).toContain('review_reminder@2');
      // The level-1 task's escalation (to the deputy) never came: it was decided.
      expect(kinds()).not.toContain('review_escalation@2');
      // The sweep reads the cases: the queue holds its own jobs and nothing per task.
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
      expect(jobs.filter((job) => job !== undefined && job.name !== 'reminder-sweep').map((job) => job.id)).toEqual([]);
      expect(jobs.some((job) => job?.name === 'reminder-sweep')).toBe(true);
    } finally {
      await queue.close();
    }
  });

  it('lets a delegate act with the delegator’s scope, marks the event, and stops when revoked', async () => {
    const documentId = randomUUID();
    await emitSubmitted(documentId, 2, 1, 'sha256:deleg');
    await opened(documentId);
    const stranger = person(['publisher'], { departmentId: OTHER_DEPARTMENT, displayName: '周发布员' });
    expect(await rpcError(REVIEW_RPC.approve, stranger, { documentId, version: 1 })).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    const now = Date.now();
    const delegation = await rpc<{ id: string }>(REVIEW_RPC.delegate, head, {
      toUserId: stranger.userId,
      from: new Date(now - 1000).toISOString(),
      until: new Date(now + 60_000).toISOString(),
    });
    const inbox = await rpc<InboxView>(REVIEW_RPC.inbox, stranger, {});
    expect(inbox.items.find((item) => item.documentId === documentId)?.onBehalfOf).toEqual({ userId: head.userId, displayName: '李科长' });
    await rpc(REVIEW_RPC.revokeDelegation, head, { delegationId: delegation.id });
    expect(await rpcError(REVIEW_RPC.approve, stranger, { documentId, version: 1 })).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    const again = await rpc<{ id: string }>(REVIEW_RPC.delegate, head, {
      toUserId: stranger.userId,
      from: new Date(now - 1000).toISOString(),
      until: new Date(now + 60_000).toISOString(),
    });
    const view = await rpc<ReviewDecisionView>(REVIEW_RPC.approve, stranger, { documentId, version: 1 });
    expect(view.status).toBe('pending_l2');
    const [approved] = await outboxOf(documentId);
    expect(approved!.envelope.actor).toMatchObject({
      userId: stranger.userId,
      roles: ['publisher', 'dept_head'],
      onBehalfOf: { userId: head.userId, displayName: '李科长' },
    });
    await rpc(REVIEW_RPC.revokeDelegation, head, { delegationId: again.id });
  });
});

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the integration project (test/support/global-setup.ts)`);
  return value;
}
