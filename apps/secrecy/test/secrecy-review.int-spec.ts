import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { DICTIONARY_AGGREGATE_ID, DICTIONARY_EVENTS, DRAFTING_RPC, rpcSubject, SECRECY_RPC } from '@sanshen/contracts';
import type { ArticleContent, DictionaryEntryView, DictionaryExceptionView, DictionaryPage, DictionaryVersionPage, DictionaryVersionPublishedPayload, DocumentVersionView, EventEnvelope, GetVersionRequest, RpcRequest, SecrecyDecisionView, SecrecyFindingView, SecrecyReviewView } from '@sanshen/contracts';
import { contentHashOf, DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { MessagingRuntime } from '@sanshen/messaging';
import { bootstrapService, createRootLogger, dataSourceOptions, loadBaseConfig, openDataSource } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingTables1700000000000 } from '../../../test/support/messaging-tables.migration.js';
import { SecrecyModule } from '../src/secrecy.module.js';

/*
 * The secrecy service as it runs (NATS request-reply, PostgreSQL with its migrations, JetStream)
 * against stand-ins: a producer that emits drafting's and review's events (submitted, approved_l1..3)
 * through its own outbox, and a drafting service answering `drafting.version.get`.
 */

const NAMESPACE = `${requireEnv('SANSHEN_TEST_NAMESPACE')}_sec`;
const AGENCY = randomUUID();
const DEPARTMENT = randomUUID();
// A valid 18-character 居民身份证号 (GB 11643 example, check character X).
const ID_NUMBER = '11010519491231002X';

process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through vitest --project integration`);
  return value;
}

// --- the drafting stand-in --------------------------------------------------------------------

class FakeDrafting {
  readonly versions = new Map<string, DocumentVersionView>();
  private subscription: Subscription | null = null;

  start(nc: NatsConnection): void {
    this.subscription = nc.subscribe(rpcSubject({ name: NAMESPACE }, DRAFTING_RPC.getVersion), {
      callback: (error, msg) => {
        if (error) return;
        const { id, data } = msg.json<{ id: string; data: RpcRequest<GetVersionRequest> }>();
        const version = data.actor?.userId === 'system' ? this.versions.get(`${data.payload.documentId}@${data.payload.version}`) : undefined;
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

  stop(): void {
    this.subscription?.unsubscribe();
  }
}

// --- the review stand-in (producer) -----------------------------------------------------------

// --- the world --------------------------------------------------------------------------------

const drafting = new FakeDrafting();
let config: BaseConfig;
let app: INestApplication | null = null;
let nc: NatsConnection;
let producerDb: DataSource;
let producer: MessagingRuntime;
let db: pg.Pool;
let client: ServiceClient;

beforeAll(async () => {
  config = { ...loadBaseConfig(process.env, 3003), namespace: { name: NAMESPACE }, port: 0, host: '127.0.0.1' };
  nc = await connect({ servers: config.natsUrl, name: `${NAMESPACE}-test` });
  drafting.start(nc);
  producerDb = await openDataSource(
    dataSourceOptions(config.databaseUrl, { schema: 'sectest_review', entities: [], migrations: [MessagingTables1700000000000] }) as Parameters<
      typeof openDataSource
    >[0],
  );
  producer = new MessagingRuntime(producerDb, nc, {
    namespace: { name: NAMESPACE },
    service: 'review',
    produces: true,
    replaySources: [],
    relayIntervalMs: 100,
  });
  await producer.start();
  db = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  client = new ServiceClient(config);
  app = await bootstrapService(SecrecyModule.register(config, createRootLogger('secrecy', config.logLevel)), { service: 'secrecy', config });
});

afterAll(async () => {
  await app?.close();
  await client?.onApplicationShutdown();
  await producer?.stop();
  drafting.stop();
  await nc?.close();
  await producerDb?.destroy();
  await db?.end();
});

// --- helpers ----------------------------------------------------------------------------------

function actor(roles: Role[], userId: string = randomUUID(), agencyId = AGENCY): Actor {
  return { userId, agencyId, agencyName: '海东市测试局', departmentId: null, roles, oversees: [], displayName: `测试${roles.join('')}` };
}

const officer = actor(['secrecy_officer']);
const admin = actor(['admin']);

interface ReviewedDocument {
  documentId: string;
  version: DocumentVersionView;
  signers: Actor[];
  author: string;
}

/** An article through 三审 (submitted, approved_l1..3 as sequences 1–4), served by drafting as signed. */
async function reviewedArticle(
  body: string,
  options: { servedContent?: ArticleContent; resubmit?: { documentId: string; author: string; version: number; firstSequence: number } } = {},
): Promise<ReviewedDocument> {
  const documentId = options.resubmit?.documentId ?? randomUUID();
  const author = options.resubmit?.author ?? randomUUID();
  const number = options.resubmit?.version ?? 1;
  const firstSequence = options.resubmit?.firstSequence ?? 1;
  const content: ArticleContent = { title: '关于公示有关事项的通知', column: '通知公告', body };
  const contentHash = contentHashOf(content);
  const served = options.servedContent ?? content;
  const version: DocumentVersionView = {
    documentId,
    version: number,
    contentHash,
    kind: 'article',
    title: served.title,
    agencyId: AGENCY,
    agencyName: '海东市测试局',
    departmentId: DEPARTMENT,
    authorId: author,
    content: served,
    createdAt: new Date().toISOString(),
  };
  drafting.versions.set(`${documentId}@${number}`, version);
  const signers = [actor(['dept_head']), actor(['deputy']), actor(['principal'])];
  const ref = { version: number, contentHash };
  const events = [
    {
      type: 'document.submitted',
      by: actor(['drafter'], author),
      payload: { ...ref, agencyId: AGENCY, departmentId: DEPARTMENT, authorId: author, kind: 'article', title: content.title, submitterId: author },
    },
    ...signers.map((signer, index) => ({
      type: `document.approved_l${index + 1}`,
      by: signer,
      payload: { ...ref, level: index + 1, signerId: signer.userId, signerName: signer.displayName, comment: null },
    })),
  ];
  await producerDb.transaction((manager) =>
    producer.emit(
      manager,
      events.map((event, index) => ({
        type: event.type,
        documentId,
        sequence: firstSequence + index,
        actor: { userId: event.by.userId, agencyId: AGENCY, roles: event.by.roles, displayName: event.by.displayName },
        correlationId: randomUUID(),
        causationId: null,
        payload: event.payload,
        occurredAt: new Date(),
      })),
    ),
  );
  producer.afterCommit();
  return { documentId, version, signers, author };
}

function rpc<T>(pattern: string, who: Actor, payload: unknown): Promise<T> {
  return client.send<T>(pattern, { actor: who, correlationId: randomUUID(), payload });
}

async function rpcError(pattern: string, who: Actor, payload: unknown): Promise<DomainError> {
  try {
    await rpc(pattern, who, payload);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${pattern} succeeded where it should have been refused`);
}

/** The review once the version is scanned (the consumer scans when 三审 ends). */
async function scannedReview(documentId: string): Promise<SecrecyReviewView> {
  return waitFor(
    async () => {
      const view = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId }).catch(() => undefined);
      return view?.status === 'pending_secrecy' && view.scan ? view : undefined;
    },
    { what: `the scan of ${documentId}` },
  );
}

async function outboxEvents(documentId: string): Promise<EventEnvelope[]> {
  const { rows } = await db.query<{ envelope: EventEnvelope }>(
    'SELECT envelope FROM secrecy.outbox WHERE document_id = $1 ORDER BY sequence',
    [documentId],
  );
  return rows.map((row) => row.envelope);
}

async function dictionaryEvents(): Promise<EventEnvelope<string, DictionaryVersionPublishedPayload>[]> {
  return (await outboxEvents(DICTIONARY_AGGREGATE_ID)) as EventEnvelope<string, DictionaryVersionPublishedPayload>[];
}

async function caseStatus(documentId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM secrecy.secrecy_cases WHERE document_id = $1', [documentId]);
  return rows[0]?.status;
}

const decision = (version: number, conclusion: string) => ({
  version,
  conclusion,
  basis: '《中华人民共和国保守国家秘密法》第三十五条',
  opinion: '经审查',
});

// --- the tests --------------------------------------------------------------------------------

describe('secrecy review', () => {
  it('scans the exact version when 三审 ends and records the dictionary version it used', async () => {
    const { documentId, version } = await reviewedArticle(`<p>申请人张某，身份证号${ID_NUMBER}，中华人民共和国保密法规定。</p>`);
    const view = await scannedReview(documentId);
    expect(view.scan).toMatchObject({ version: 1, contentHash: version.contentHash, dictionaryVersion: expect.any(Number) });
    expect(view.findings.map((finding) => [finding.section, finding.type, finding.severity, finding.matched])).toEqual([
      ['body', 'id_card_number', 'blocking', ID_NUMBER],
      ['body', 'wording', 'blocking', '中华人民共和国保密法'],
    ]);
    expect(view.findings[0]?.suggestion).toBe('1101**********002X');
    expect(view.openBlockingFindings).toBe(2);
    const { rows } = await db.query<{ version: number }>('SELECT max(version)::int AS version FROM secrecy.dictionary_versions');
    expect(view.scan?.dictionaryVersion).toBe(rows[0]?.version);
  });

  it('refuses to clear while a blocking finding has no disposition, and clears once the officer ignored it', async () => {
    const { documentId, version, signers } = await reviewedArticle(`<p>联系人身份证号：${ID_NUMBER}</p>`);
    const view = await scannedReview(documentId);
    const blocking = view.findings.find((finding) => finding.severity === 'blocking');
    expect(blocking?.type).toBe('id_card_number');
    const findingId = blocking!.id;

    const refused = await rpcError(SECRECY_RPC.decide, officer, { documentId, ...decision(1, 'public') });
    expect(refused.code).toBe('SECRECY.BLOCKING_FINDINGS_OPEN');
    expect(refused.kind).toBe('unprocessable');
    expect(refused.details).toEqual({ findingIds: [findingId] });

    const dispose = (who: Actor, disposition: string, reason = '已核实为公示所需') =>
      rpc<SecrecyFindingView>(SECRECY_RPC.disposeFinding, who, { documentId, findingId, disposition, reason });
    expect((await rpcError(SECRECY_RPC.disposeFinding, officer, { documentId, findingId, disposition: 'fixed', reason: '改' })).code).toBe(
      'SECRECY.FIX_NEEDS_NEW_VERSION',
    );
    expect((await rpcError(SECRECY_RPC.disposeFinding, officer, { documentId, findingId, disposition: 'ignored', reason: '  ' })).code).toBe(
      'SECRECY.REASON_REQUIRED',
    );
    // The administrator reads no document content (三员分立): the finding does not exist for them.
    expect((await rpcError(SECRECY_RPC.disposeFinding, admin, { documentId, findingId, disposition: 'whitelisted', reason: '例外' })).code).toBe(
      'DOCUMENT.NOT_FOUND',
    );
    expect((await rpcError(SECRECY_RPC.disposeFinding, officer, { documentId, findingId, disposition: 'whitelisted', reason: '例外' })).code).toBe(
      'SECRECY.WHITELIST_NOT_ALLOWED',
    );
    // A drafter of another department does not see the document at all; one of its own sees it but may not dispose.
    expect((await rpcError(SECRECY_RPC.disposeFinding, actor(['drafter']), { documentId, findingId, disposition: 'ignored', reason: 'x' })).code).toBe(
      'DOCUMENT.NOT_FOUND',
    );
    const ownDrafter = { ...actor(['drafter']), departmentId: DEPARTMENT };
    expect((await rpcError(SECRECY_RPC.disposeFinding, ownDrafter, { documentId, findingId, disposition: 'ignored', reason: 'x' })).code).toBe(
      'DOCUMENT.ROLE_NOT_ALLOWED',
    );
    const signerOfficer = actor(['secrecy_officer', 'dept_head'], signers[0]!.userId);
    expect((await rpcError(SECRECY_RPC.disposeFinding, signerOfficer, { documentId, findingId, disposition: 'ignored', reason: 'x' })).code).toBe(
      'SECRECY.REVIEWER_SIGNED',
    );
    expect((await rpcError(SECRECY_RPC.disposeFinding, actor(['secrecy_officer'], randomUUID(), randomUUID()), { documentId, findingId, disposition: 'ignored', reason: 'x' })).code).toBe(
      'DOCUMENT.NOT_FOUND',
    );

    const disposed = await dispose(officer, 'ignored');
    expect(disposed.disposition).toMatchObject({ disposition: 'ignored', reason: '已核实为公示所需', byId: officer.userId });
    expect((await rpcError(SECRECY_RPC.disposeFinding, officer, { documentId, findingId, disposition: 'ignored', reason: 'again' })).code).toBe(
      'SECRECY.FINDING_ALREADY_DISPOSED',
    );

    const cleared = await rpc<SecrecyDecisionView>(SECRECY_RPC.decide, officer, { documentId, ...decision(1, 'public') });
    expect(cleared).toMatchObject({ conclusion: 'public', version: 1, contentHash: version.contentHash, reviewerId: officer.userId });

    const events = await outboxEvents(documentId);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy.finding_disposed', 5],
      ['document.secrecy_cleared', 6],
    ]);
    expect(events[0]).toMatchObject({
      actor: { userId: officer.userId, roles: ['secrecy_officer'] },
      payload: { version: 1, contentHash: version.contentHash, findingId, disposition: 'ignored', reason: '已核实为公示所需', findingType: 'id_card_number' },
    });
    expect(JSON.stringify(events[0]?.payload)).not.toContain(ID_NUMBER);
    expect(events[1]?.payload).toMatchObject({ version: 1, contentHash: version.contentHash, decisionId: cleared.id });

    const after = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId });
    expect(after).toMatchObject({ status: 'approved', openBlockingFindings: 0, decision: { id: cleared.id } });
    // Once cleared, the document is no longer under secrecy review: no more dispositions.
    expect((await rpcError(SECRECY_RPC.disposeFinding, officer, { documentId, findingId: after.findings[0]!.id, disposition: 'ignored', reason: 'x' })).code).toBe(
      'DOCUMENT.INVALID_TRANSITION',
    );
  });

  it('binds the decision to the version and its hash: a stale version or content other than signed is refused', async () => {
    const stale = await reviewedArticle('<p>工作动态正文。</p>');
    await scannedReview(stale.documentId);
    expect((await rpcError(SECRECY_RPC.decide, officer, { documentId: stale.documentId, ...decision(2, 'public') })).code).toBe(
      'DOCUMENT.VERSION_CONFLICT',
    );
    const signer = actor(['secrecy_officer'], stale.signers[2]!.userId);
    expect((await rpcError(SECRECY_RPC.decide, signer, { documentId: stale.documentId, ...decision(1, 'public') })).code).toBe('SECRECY.REVIEWER_SIGNED');
    expect((await rpcError(SECRECY_RPC.decide, actor(['secrecy_officer'], stale.author), { documentId: stale.documentId, ...decision(1, 'public') })).code).toBe(
      'REVIEW.SELF_APPROVAL',
    );
    // A publisher reads a document only once it is cleared: before that it does not exist for them.
    expect((await rpcError(SECRECY_RPC.decide, actor(['publisher']), { documentId: stale.documentId, ...decision(1, 'public') })).code).toBe(
      'DOCUMENT.NOT_FOUND',
    );
    expect((await rpcError(SECRECY_RPC.decide, actor(['principal']), { documentId: stale.documentId, ...decision(1, 'public') })).code).toBe(
      'DOCUMENT.ROLE_NOT_ALLOWED',
    );

    const tampered = await reviewedArticle('<p>签署的正文。</p>', {
      servedContent: { title: '关于公示有关事项的通知', column: '通知公告', body: '<p>被改过的正文。</p>' },
    });
    await waitFor(async () => (await caseStatus(tampered.documentId)) === 'pending_secrecy', { what: 'the tampered document to reach secrecy' });
    const shown = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId: tampered.documentId });
    expect(shown).toMatchObject({ status: 'pending_secrecy', scan: null, findings: [] });
    const refused = await rpcError(SECRECY_RPC.decide, officer, { documentId: tampered.documentId, ...decision(1, 'public') });
    expect(refused.code).toBe('DOCUMENT.HASH_MISMATCH');
    expect(await outboxEvents(tampered.documentId)).toEqual([]);
  });

  it('returns the document to the drafter with the undisposed findings, which the next version fixes', async () => {
    const first = await reviewedArticle(`<p>身份证号${ID_NUMBER}，国办发[2019]1号。</p>`);
    const { documentId } = first;
    const view = await scannedReview(documentId);
    expect(view.findings).toHaveLength(2);
    const returned = await rpc<SecrecyDecisionView>(SECRECY_RPC.decide, officer, { documentId, ...decision(1, 'return'), opinion: '请删除身份证号码' });
    expect(returned.conclusion).toBe('return');
    const events = await outboxEvents(documentId);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([['document.secrecy_returned', 5]]);
    expect(events[0]?.payload).toMatchObject({ decisionId: returned.id, opinion: '请删除身份证号码' });
    expect([...(events[0]?.payload as { findingIds: string[] }).findingIds].sort()).toEqual(view.findings.map((finding) => finding.id).sort());
    expect((await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId })).status).toBe('draft');

    // The drafter removes the ID number; version 2 passes 三审 again: the old finding is fixed by it.
    await reviewedArticle('<p>国办发〔2019〕1号。</p>', { resubmit: { documentId, author: first.author, version: 2, firstSequence: 6 } });
    const second = await waitFor(
      async () => {
        const next = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId });
        return next.version === 2 && next.scan ? next : undefined;
      },
      { what: 'the scan of version 2' },
    );
    expect(second.findings).toEqual([]);
    const { rows } = await db.query<{ type: string; disposition: string | null; disposition_reason: string | null }>(
      'SELECT type, disposition, disposition_reason FROM secrecy.secrecy_findings WHERE document_id = $1 AND version = 1 ORDER BY ordinal',
      [documentId],
    );
    expect(rows).toEqual([
      { type: 'id_card_number', disposition: 'fixed', disposition_reason: '第2版已修改' },
      { type: 'document_number_format', disposition: 'fixed', disposition_reason: '第2版已修改' },
    ]);
  });

  it('holds a referred document until the answer of the 保密行政管理部门 is recorded', async () => {
    const { documentId, version } = await reviewedArticle('<p>关于某项目进展情况的说明。</p>');
    await scannedReview(documentId);
    expect((await rpcError(SECRECY_RPC.answerReferral, officer, { documentId, version: 1, conclusion: 'public', answerReference: 'x', basis: 'y' })).code).toBe(
      'SECRECY.NO_REFERRAL',
    );
    const referral = await rpc<SecrecyDecisionView>(SECRECY_RPC.decide, officer, { documentId, ...decision(1, 'refer'), opinion: '不能确定是否涉密，报市保密局' });
    expect(referral.conclusion).toBe('refer');
    expect((await rpcError(SECRECY_RPC.decide, officer, { documentId, ...decision(1, 'public') })).code).toBe('SECRECY.REFERRAL_PENDING');
    const held = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId });
    expect(held).toMatchObject({ status: 'pending_secrecy', referral: { id: referral.id } });

    const answer = await rpc<SecrecyDecisionView>(SECRECY_RPC.answerReferral, officer, {
      documentId,
      version: 1,
      conclusion: 'public',
      answerReference: '海保密函〔2025〕3号',
      basis: '市国家保密局答复',
    });
    expect(answer).toMatchObject({
      conclusion: 'public',
      referralDecisionId: referral.id,
      answerReference: '海保密函〔2025〕3号',
      contentHash: version.contentHash,
    });
    expect(answer.opinion).toContain('海保密函〔2025〕3号');
    const events = await outboxEvents(documentId);
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['document.secrecy.referred', 5],
      ['document.secrecy_cleared', 6],
    ]);
    const after = await rpc<SecrecyReviewView>(SECRECY_RPC.get, officer, { documentId });
    expect(after).toMatchObject({ status: 'approved', referral: null, decision: { id: answer.id } });
    expect(after.decisions?.map((entry) => entry.conclusion)).toEqual(['refer', 'public']);
  });

  it('lets the secrecy officer whitelist a finding; the phrase becomes an exception in a new dictionary version that later scans use', async () => {
    const phrase = `测试单位${randomUUID().slice(0, 4)}的的内容`;
    const first = await reviewedArticle(`<p>${phrase}</p>`);
    const view = await scannedReview(first.documentId);
    const doubled = view.findings.find((finding) => finding.type === 'doubled_word');
    expect(doubled).toBeDefined();
    const before = await rpc<DictionaryVersionPage>(SECRECY_RPC.listVersions, admin, {});

    const disposed = await rpc<SecrecyFindingView>(SECRECY_RPC.disposeFinding, officer, {
      documentId: first.documentId,
      findingId: doubled!.id,
      disposition: 'whitelisted',
      reason: '专有名称',
    });
    expect(disposed.disposition).toMatchObject({ disposition: 'whitelisted', byId: officer.userId });
    const after = await rpc<DictionaryVersionPage>(SECRECY_RPC.listVersions, admin, {});
    const newest = after.items[0]!;
    expect(newest.version).toBe(before.items[0]!.version + 1);
    expect(newest).toMatchObject({ createdById: officer.userId, reason: '专有名称', change: { op: 'add', kind: 'exception' } });
    const exceptions = await rpc<DictionaryPage<DictionaryExceptionView>>(SECRECY_RPC.listExceptions, officer, { q: '的的' });
    expect(exceptions.items).toContainEqual(expect.objectContaining({ phrase: doubled!.matched, findingId: doubled!.id, addedIn: newest.version }));
    const [event] = await outboxEvents(first.documentId);
    expect(event?.payload).toMatchObject({ disposition: 'whitelisted', dictionaryVersion: newest.version });

    const second = await reviewedArticle(`<p>${phrase}</p>`);
    const rescanned = await scannedReview(second.documentId);
    expect(rescanned.scan?.dictionaryVersion).toBeGreaterThanOrEqual(newest.version);
    expect(rescanned.findings.filter((finding) => finding.type === 'doubled_word')).toEqual([]);
  });

  it('versions every dictionary change with who, when and why, and refuses changes by anyone but an admin', async () => {
    const wrong = `错误写法${randomUUID().slice(0, 6)}`;
    const entry = { wrong, right: '正确写法', category: 'typo', severity: 'blocking', reason: '新增易错词' };
    expect((await rpcError(SECRECY_RPC.addEntry, officer, entry)).code).toBe('DICTIONARY.ADMIN_ONLY');
    expect((await rpcError(SECRECY_RPC.listEntries, actor(['drafter']), {})).code).toBe('AUTH.FORBIDDEN');

    const added = await rpc<DictionaryEntryView & { version: number }>(SECRECY_RPC.addEntry, admin, entry);
    expect(added).toMatchObject({ wrong, right: '正确写法', severity: 'blocking', addedIn: added.version });
    expect((await rpcError(SECRECY_RPC.addEntry, admin, entry)).code).toBe('DICTIONARY.DUPLICATE');
    const listed = await rpc<DictionaryPage<DictionaryEntryView>>(SECRECY_RPC.listEntries, officer, { q: wrong });
    expect(listed).toMatchObject({ version: added.version, items: [{ id: added.id, wrong }] });

    const flagged = await reviewedArticle(`<p>本文含有${wrong}。</p>`);
    const view = await scannedReview(flagged.documentId);
    expect(view.findings).toContainEqual(expect.objectContaining({ type: 'wording', severity: 'blocking', matched: wrong, suggestion: '正确写法' }));
    expect(view.scan?.dictionaryVersion).toBeGreaterThanOrEqual(added.version);

    const removed = await rpc<{ version: number }>(SECRECY_RPC.removeEntry, admin, { id: added.id, reason: '误加' });
    expect(removed.version).toBeGreaterThan(added.version);
    expect((await rpcError(SECRECY_RPC.removeEntry, admin, { id: added.id, reason: '再删' })).code).toBe('DICTIONARY.ITEM_NOT_FOUND');
    expect((await rpc<DictionaryPage<DictionaryEntryView>>(SECRECY_RPC.listEntries, admin, { q: wrong })).items).toEqual([]);
    const versions = await rpc<DictionaryVersionPage>(SECRECY_RPC.listVersions, admin, { limit: 500 });
    expect(versions.items.find((item) => item.version === removed.version)).toMatchObject({
      createdById: admin.userId,
      reason: '误加',
      change: { op: 'remove', kind: 'entry', id: added.id },
    });
    expect(versions.items.at(-1)).toMatchObject({ version: 1, createdById: 'system', change: { op: 'seed' } });

    const clean = await reviewedArticle(`<p>本文含有${wrong}。</p>`);
    expect((await scannedReview(clean.documentId)).findings.filter((finding) => finding.type === 'wording')).toEqual([]);

    // Each version is published whole, at its own sequence, for drafting's copy.
    const published = await dictionaryEvents();
    expect(published.map((event) => event.sequence)).toContain(1);
    const withEntry = published.find((event) => event.sequence === added.version);
    expect(withEntry).toMatchObject({ type: DICTIONARY_EVENTS.versionPublished, actor: { userId: admin.userId }, payload: { version: added.version } });
    expect(withEntry?.payload.entries).toContainEqual(expect.objectContaining({ wrong, right: '正确写法', category: 'typo', severity: 'blocking' }));
    const withoutEntry = published.find((event) => event.sequence === removed.version);
    expect(withoutEntry?.payload.entries.map((item) => item.wrong)).not.toContain(wrong);
    expect(withoutEntry?.payload.exceptions.length).toBeGreaterThan(0);
  });

  it("checks leaders' titles against the agency's own tenures", async () => {
    const name = '甄测试';
    await rpc(SECRECY_RPC.addLeader, admin, { name, title: '副市长', from: '2018-01-01', until: '2022-01-01', reason: '任职信息' });
    await rpc(SECRECY_RPC.addLeader, admin, { name, title: '市长', from: '2022-01-01', reason: '任职信息' });
    expect((await rpcError(SECRECY_RPC.addLeader, admin, { name, title: '市长', from: '2022-01-01', until: '2021-01-01', reason: 'x' })).code).toBe(
      'DICTIONARY.ENTRY_INVALID',
    );
    const { documentId } = await reviewedArticle(`<p>副市长${name}出席会议。</p>`);
    const view = await scannedReview(documentId);
    expect(view.findings).toContainEqual(expect.objectContaining({ type: 'leader_title', severity: 'blocking', matched: `副市长${name}`, suggestion: `市长${name}` }));
    const [latest] = (await dictionaryEvents()).slice(-1);
    expect(latest?.payload.leaders).toContainEqual({ agencyId: admin.agencyId, name, title: '市长', from: '2022-01-01', until: null });
    const other = actor(['admin'], randomUUID(), randomUUID());
    expect((await rpc<DictionaryPage<unknown>>(SECRECY_RPC.listLeaders, other, {})).items).toEqual([]);
  });
});
