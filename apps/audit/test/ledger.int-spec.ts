import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditChainStatusReply, AuditTimelineReply, AuditVerificationRunReply, AuditVerifyReply, EventActor, EventEnvelope } from '@sanshen/contracts';
import { canonicalJson, sha256Hex } from '@sanshen/kernel';
import type { Actor, DocumentEventType, Role } from '@sanshen/kernel';
import { MessagingRuntime, buildEnvelope } from '@sanshen/messaging';
import type { NewEvent } from '@sanshen/messaging';
import { bootstrapService, dataSourceOptions, loadBaseConfig, openDataSource } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { BaseConfig } from '@sanshen/platform/core';
import pg from 'pg';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { MessagingTables1700000000000 } from '../../../test/support/messaging-tables.migration.js';
import { ChainVerificationScheduler } from '../src/adapters/chain-verification.scheduler.js';
import { AuditModule } from '../src/audit.module.js';
import { CHUNK_SIZE, RunChainVerificationUseCase } from '../src/use-cases/run-chain-verification/run-chain-verification.use-case.js';

/**
 * The audit service as it runs: AuditModule booted by bootstrapService (Fastify + NATS RPC), its
 * migrations on the run's PostgreSQL database, its durable consumer on the run's JetStream. Events
 * come the way a producer sends them: a MessagingRuntime ('drafting', its own schema) writes its
 * outbox in a transaction and its relay publishes after commit.
 */

const GENESIS = '0'.repeat(64);
const AGENCY = 'agency-haidong-fgw';
const OTHER_AGENCY = 'agency-haidong-jyj';
const WRITER_ROLE = 'sanshen_audit_writer';
const PRODUCER_SCHEMA = 'audit_test_producer';

interface EntryRow {
  position: number;
  event_id: string;
  event_type: string;
  document_id: string;
  sequence: number;
  envelope: EventEnvelope;
  canonical: string;
  document_prev_hash: string;
  document_hash: string;
  prev_hash: string;
  hash: string;
  status_after: string | null;
  violation: { code: string; detail: string; from: string | null } | null;
}

function eventActor(userId: string, roles: Role[], agencyId = AGENCY): EventActor {
  return { userId, agencyId, roles, departmentId: 'dept-zhengce' };
}

function rpcActor(userId: string, roles: Role[], agencyId = AGENCY): Actor {
  return {
    userId,
    agencyId,
    agencyName: '海东市发展和改革委员会',
    departmentId: null,
    roles,
    oversees: [],
    displayName: userId,
  };
}

const drafter = eventActor('u-drafter', ['drafter']);
const deptHead = eventActor('u-head', ['dept_head']);
/** A drafter who also holds dept_head: approving their own document is a self-approval. */
const drafterHead = eventActor('u-drafter', ['drafter', 'dept_head']);
/** An administrator who also drafts: involved in a document, and still refused the ledger. */
const adminDrafter = eventActor('u-admin', ['admin', 'drafter']);

function contentHash(version: number, documentId: string): string {
  return `sha256:${sha256Hex(`${documentId}:v${version}`)}`;
}

function facts(documentId: string, version: number) {
  return {
    agencyId: AGENCY,
    departmentId: 'dept-zhengce',
    authorId: drafter.userId,
    kind: 'article',
    title: '关于开展2024年度政务公开工作的通知',
    version,
    contentHash: contentHash(version, documentId),
  };
}

function event(
  documentId: string,
  sequence: number,
  type: DocumentEventType,
  actor: EventActor,
  payload: Record<string, unknown>,
): NewEvent<unknown> {
  return {
    type: `document.${type}`,
    documentId,
    sequence,
    actor,
    correlationId: `corr-${documentId.slice(0, 8)}-${sequence}`,
    occurredAt: new Date(Date.UTC(2025, 0, 10, 8, 0, sequence)),
    payload,
  };
}

function signature(documentId: string, version: number, signer: EventActor) {
  return { version, contentHash: contentHash(version, documentId), level: 1, signerId: signer.userId, signerName: signer.userId, comment: null };
}

describe('audit ledger', () => {
  const namespace = `${process.env.SANSHEN_TEST_NAMESPACE ?? 'local'}_audit`;
  const logLines: { level: number; msg: string; eventId?: string; violation?: { code: string } }[] = [];
  let config: BaseConfig;
  let app: INestApplication;
  let producerDs: DataSource;
  let producerNc: NatsConnection;
  let producer: MessagingRuntime;
  let client: ServiceClient;
  let db: pg.Client;

  async function emit(...events: NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    const envelopes = await producerDs.transaction((manager) => producer.emit(manager, events));
    producer.afterCommit();
    return envelopes;
  }

  async function entriesOf(documentId: string): Promise<EntryRow[]> {
    const { rows } = await db.query<EntryRow>(
      'SELECT * FROM audit.ledger_entry WHERE document_id = $1 ORDER BY position',
      [documentId],
    );
    return rows.map((row) => ({ ...row, position: Number(row.position) }));
  }

  async function allEntries(): Promise<EntryRow[]> {
    const { rows } = await db.query<EntryRow>('SELECT * FROM audit.ledger_entry ORDER BY position');
    return rows.map((row) => ({ ...row, position: Number(row.position) }));
  }

  function waitForEntries(documentId: string, count: number): Promise<EntryRow[]> {
    return waitFor(
      async () => {
        const rows = await entriesOf(documentId);
        return rows.length >= count ? rows : undefined;
      },
      { what: `${count} ledger entries of ${documentId}` },
    );
  }

  function timeline(actor: Actor | null, payload: unknown): Promise<AuditTimelineReply> {
    return client.send<AuditTimelineReply>(AUDIT_RPC.timeline, { actor, correlationId: randomUUID(), payload });
  }

  function verify(actor: Actor, payload: { documentId: string }): Promise<AuditVerifyReply> {
    return client.send<AuditVerifyReply>(AUDIT_RPC.verify, { actor, correlationId: randomUUID(), payload });
  }

  function chainStatus(actor: Actor = rpcActor('u-auditor', ['auditor'])): Promise<AuditChainStatusReply> {
    return client.send<AuditChainStatusReply>(AUDIT_RPC.status, { actor, correlationId: randomUUID(), payload: {} });
  }

  function requestRun(actor: Actor): Promise<AuditVerificationRunReply> {
    return client.send<AuditVerificationRunReply>(AUDIT_RPC.run, { actor, correlationId: randomUUID(), payload: {} });
  }

  /** An auditor asks for a full run (again, while another one runs) and waits for its result. */
  async function verifyNow(): Promise<AuditChainStatusReply> {
    const auditor = rpcActor('u-auditor', ['auditor']);
    const run = await waitFor(
      async () => {
        const reply = await requestRun(auditor);
        return reply.started ? reply : undefined;
      },
      { what: 'a verification run to start' },
    );
    return waitFor(
      async () => {
        const status = await chainStatus(auditor);
        return status.runId !== null && status.runId >= (run.runId ?? 0) ? status : undefined;
      },
      { what: `verification run ${run.runId} to finish` },
    );
  }

  /** A superuser rewriting a ledger row behind the service's back (the append-only trigger bypassed). */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL session_replication_role = replica');
      await db.query(sql, params);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }

  beforeAll(async () => {
    // The namespace is configuration, given to the modules at boot: nothing reads it from the environment.
    config = { ...loadBaseConfig(process.env, 3005), namespace: { name: namespace }, port: 0 };
    expect(new URL(config.databaseUrl).hostname).toBe('127.0.0.1');

    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logLines.push(JSON.parse(line));
        callback();
      },
    });
    const logger = pino({ level: 'warn', base: { service: 'audit' } }, sink);
    const audit = { verification: { intervalMs: 3_600_000, fullIntervalMs: 86_400_000 } };
    app = await bootstrapService(AuditModule.forRoot({ config, logger, audit }), { service: 'audit', config });
    // The tests start every run themselves: the scheduler's first look (two seconds after boot) would race them.
    app.get(ChainVerificationScheduler).onApplicationShutdown();

    producerDs = await openDataSource(
      dataSourceOptions(config.databaseUrl, { schema: PRODUCER_SCHEMA, entities: [], migrations: [MessagingTables1700000000000] }) as Parameters<
        typeof openDataSource
      >[0],
    );
    producerNc = await connect({ servers: config.natsUrl });
    producer = new MessagingRuntime(producerDs, producerNc, {
      namespace: config.namespace,
      service: 'drafting',
      produces: true,
      replaySources: [],
    });
    await producer.start();

    client = new ServiceClient(config);
    db = new pg.Client({ connectionString: config.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await client?.onApplicationShutdown();
    await app?.close();
    await producer?.stop();
    await producerNc?.close();
    await producerDs?.destroy();
    await db?.end();
  });

  const docA = randomUUID();
  const docB = randomUUID();
  const docC = randomUUID();

  it('appends every event in stream order, chained per document and globally from the genesis hash', async () => {
    const emitted = await emit(
      event(docA, 1, 'created', drafter, facts(docA, 1)),
      event(docA, 2, 'revised', drafter, { ...facts(docA, 2), previousVersion: 1 }),
      event(docB, 1, 'created', adminDrafter, { ...facts(docB, 1), authorId: adminDrafter.userId }),
      event(docA, 3, 'submitted', drafter, { ...facts(docA, 2), submitterId: drafter.userId }),
      event(docA, 4, 'approved_l1', deptHead, signature(docA, 2, deptHead)),
    );
    await waitForEntries(docA, 4);
    await waitForEntries(docB, 1);

    const all = await allEntries();
    expect(all.map((row) => row.event_id)).toEqual(emitted.map((envelope) => envelope.id));
    expect(all.map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);
    expect(all[0].prev_hash).toBe(GENESIS);
    for (const [index, row] of all.entries()) {
      // What was hashed is exactly the canonical JSON of the envelope the producer sent.
      expect(row.canonical).toBe(canonicalJson(emitted[index]));
      expect(canonicalJson(row.envelope)).toBe(row.canonical);
      expect(row.hash).toBe(sha256Hex(row.prev_hash + row.canonical));
      expect(row.document_hash).toBe(sha256Hex(row.document_prev_hash + row.canonical));
      if (index > 0) expect(row.prev_hash).toBe(all[index - 1].hash);
    }

    const chainA = await entriesOf(docA);
    expect(chainA.map((row) => row.sequence)).toEqual([1, 2, 3, 4]);
    expect(chainA[0].document_prev_hash).toBe(GENESIS);
    for (let i = 1; i < chainA.length; i += 1) expect(chainA[i].document_prev_hash).toBe(chainA[i - 1].document_hash);
    expect(chainA.map((row) => row.status_after)).toEqual(['draft', 'draft', 'pending_l1', 'pending_l2']);
    expect(chainA.every((row) => row.violation === null)).toBe(true);
    // docB's chain starts from the genesis hash although its entry sits in the middle of the global chain.
    const [firstB] = await entriesOf(docB);
    expect(firstB.position).toBe(3);
    expect(firstB.document_prev_hash).toBe(GENESIS);

    const head = await db.query<{ position: string; hash: string; event_id: string }>('SELECT * FROM audit.ledger_head');
    expect(head.rows[0]).toMatchObject({ position: '5', hash: all[4].hash, event_id: all[4].event_id });
  });

  it('records an illegal transition with its violation, warns, and keeps the recorded state', async () => {
    const emitted = await emit(
      event(docC, 1, 'created', drafter, facts(docC, 1)),
      // Not allowed from draft: the ledger's state says the document was never submitted.
      event(docC, 2, 'approved_l1', deptHead, signature(docC, 1, deptHead)),
      event(docC, 3, 'submitted', drafter, { ...facts(docC, 1), submitterId: drafter.userId }),
      // The author signing their own document, with a dept_head role: the rulebook says no.
      event(docC, 4, 'approved_l1', drafterHead, signature(docC, 1, drafterHead)),
      event(docC, 5, 'approved_l1', deptHead, signature(docC, 1, deptHead)),
    );
    const rows = await waitForEntries(docC, 5);

    expect(rows.map((row) => row.event_id)).toEqual(emitted.map((envelope) => envelope.id));
    expect(rows.map((row) => row.violation?.code ?? null)).toEqual([
      null,
      'DOCUMENT.INVALID_TRANSITION',
      null,
      'REVIEW.SELF_APPROVAL',
      null,
    ]);
    expect(rows[1].violation).toMatchObject({ from: 'draft' });
    expect(rows[3].violation).toMatchObject({ from: 'pending_l1' });
    // An illegal event leaves the state where it was; the next legal one moves on from there.
    expect(rows.map((row) => row.status_after)).toEqual(['draft', 'draft', 'pending_l1', 'pending_l1', 'pending_l2']);
    // Recorded, never dropped: the chain runs through the violations.
    for (let i = 1; i < rows.length; i += 1) expect(rows[i].document_prev_hash).toBe(rows[i - 1].document_hash);

    const state = await db.query<{ state: { status: string; signers: unknown[] } }>(
      'SELECT state FROM audit.document_state WHERE document_id = $1',
      [docC],
    );
    expect(state.rows[0].state).toMatchObject({ status: 'pending_l2', signers: [{ actorId: deptHead.userId, step: 'l1' }] });

    const warned = logLines.filter((line) => line.level === 40 && line.msg.startsWith('ledger violation'));
    expect(warned.map((line) => [line.eventId, line.violation?.code])).toEqual([
      [emitted[1].id, 'DOCUMENT.INVALID_TRANSITION'],
      [emitted[3].id, 'REVIEW.SELF_APPROVAL'],
    ]);
  });

  it('serves a timeline to an auditor of the agency and to people involved, and refuses an administrator', async () => {
    const auditor = rpcActor('u-auditor', ['auditor']);
    const reply = await timeline(auditor, { documentId: docA });
    const rows = await entriesOf(docA);
    expect(reply.documentId).toBe(docA);
    expect(reply.entries.map((entry) => [entry.position, entry.sequence, entry.eventType, entry.hash, entry.statusAfter])).toEqual(
      rows.map((row) => [row.position, row.sequence, row.event_type, row.hash, row.status_after]),
    );
    expect(reply.entries[0]).toMatchObject({ actor: { userId: drafter.userId }, prevHash: rows[0].prev_hash, violation: null });

    const withViolations = await timeline(auditor, { documentId: docC });
    expect(withViolations.entries[1]).toMatchObject({ violation: 'DOCUMENT.INVALID_TRANSITION', statusAfter: 'draft' });
    expect(withViolations.entries[1].violationDetail).toContain('approved_l1 from draft');

    // Someone who acted on the document reads it without any audit role.
    const asHead = await timeline(rpcActor(deptHead.userId, ['dept_head']), { documentId: docA });
    expect(asHead.entries).toHaveLength(4);

    // The administrator created docB and still may not read its ledger (三员分立).
    await expect(timeline(rpcActor(adminDrafter.userId, ['admin', 'drafter']), { documentId: docB })).rejects.toMatchObject({
      code: 'AUDIT.FORBIDDEN',
      details: { reason: 'separation_of_duties' },
    });
    await expect(timeline(rpcActor('u-auditor-admin', ['auditor', 'admin']), { documentId: docA })).rejects.toMatchObject({
      code: 'AUDIT.FORBIDDEN',
    });
    // Out of reach reads as not found: another agency's auditor, a bystander, an unknown document.
    await expect(timeline(rpcActor('u-auditor-2', ['auditor'], OTHER_AGENCY), { documentId: docA })).rejects.toMatchObject({
      code: 'DOCUMENT.NOT_FOUND',
    });
    await expect(timeline(rpcActor('u-bystander', ['drafter']), { documentId: docA })).rejects.toMatchObject({
      code: 'DOCUMENT.NOT_FOUND',
    });
    await expect(timeline(auditor, { documentId: randomUUID() })).rejects.toMatchObject({ code: 'DOCUMENT.NOT_FOUND' });
    await expect(timeline(auditor, { documentId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
    await expect(timeline(null, { documentId: docA })).rejects.toMatchObject({ code: 'ACTOR.INVALID' });
  });

  it('verifies the chain in the background, then continues from the verified checkpoint', async () => {
    const total = (await allEntries()).length;
    const full = await verifyNow();
    expect(full).toMatchObject({ ok: true, mode: 'full', checked: total, throughPosition: total, headPosition: total, running: null });
    expect(full.throughHash).toBe((await allEntries()).at(-1)?.hash);
    expect(full.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(full.lastFullVerifiedAt).toBe(full.verifiedAt);
    expect(full.firstBroken).toBeUndefined();

    // New entries after the run: the status shows them as not yet verified.
    const docE = randomUUID();
    await emit(event(docE, 1, 'created', drafter, facts(docE, 1)), event(docE, 2, 'revised', drafter, { ...facts(docE, 2), previousVersion: 1 }));
    await waitForEntries(docE, 2);
    await expect(chainStatus()).resolves.toMatchObject({ runId: full.runId, throughPosition: total, headPosition: total + 2 });

    // Not due yet: the scheduler's call starts nothing. Made due (the last run an hour back), it
    // continues from the checkpoint and checks only the new entries.
    const verification = app.get(RunChainVerificationUseCase);
    await expect(verification.start('schedule')).resolves.toEqual({ started: false });
    await db.query(`UPDATE audit.verification_run SET finished_at = finished_at - interval '1 hour' WHERE id = $1`, [full.runId]);
    const scheduled = await verification.start('schedule');
    expect(scheduled).toMatchObject({ started: true, mode: 'incremental' });
    if (scheduled.started) await scheduled.done;
    await expect(chainStatus()).resolves.toMatchObject({ ok: true, mode: 'incremental', checked: 2, throughPosition: total + 2, headPosition: total + 2 });

    // One run at a time: while another replica holds the lock nothing starts; two asked for at once here, one starts.
    await db.query(`SELECT pg_advisory_lock(hashtext('sanshen:audit:chain-verification'))`);
    try {
      await expect(verification.start('request')).resolves.toEqual({ started: false });
    } finally {
      await db.query(`SELECT pg_advisory_unlock(hashtext('sanshen:audit:chain-verification'))`);
    }
    const both = await Promise.all([verification.start('request'), verification.start('request')]);
    expect(both.filter((run) => run.started)).toHaveLength(1);
    await Promise.all(both.map((run) => (run.started ? run.done : undefined)));

    // Auditors only, never an administrator.
    await expect(chainStatus(rpcActor(drafter.userId, ['drafter']))).rejects.toMatchObject({ code: 'AUDIT.FORBIDDEN', details: { reason: 'auditor_only' } });
    await expect(requestRun(rpcActor('u-admin', ['admin', 'auditor']))).rejects.toMatchObject({
      code: 'AUDIT.FORBIDDEN',
      details: { reason: 'separation_of_duties' },
    });
    const metrics = await (await fetch(`${await app.getUrl()}/metrics`)).text();
    expect(metrics).toMatch(/^sanshen_ledger_verification_ok\{[^}]*\} 1$/m);
    expect(metrics).toMatch(/^sanshen_ledger_verification_age_seconds\{[^}]*\} /m);
  });

  it('verifies a document on request, then names exactly the entry a superuser rewrote', async () => {
    const auditor = rpcActor('u-auditor', ['auditor']);
    const total = (await allEntries()).length;
    await expect(verify(auditor, { documentId: docA })).resolves.toEqual({ ok: true, checked: 4 });

    await expect(verify(rpcActor(drafter.userId, ['drafter']), { documentId: docA })).rejects.toMatchObject({
      code: 'AUDIT.FORBIDDEN',
      details: { reason: 'auditor_only' },
    });
    await expect(verify(rpcActor('u-admin', ['admin']), { documentId: docA })).rejects.toMatchObject({ code: 'AUDIT.FORBIDDEN' });
    await expect(verify(rpcActor('u-auditor-2', ['auditor'], OTHER_AGENCY), { documentId: docA })).rejects.toMatchObject({
      code: 'DOCUMENT.NOT_FOUND',
    });
    await expect(verify(auditor, {} as { documentId: string })).rejects.toMatchObject({ code: 'REQUEST.INVALID' });

    // The owner cannot rewrite a row either: the append-only trigger refuses.
    const target = (await entriesOf(docA))[1];
    await expect(db.query('UPDATE audit.ledger_entry SET status_after = NULL WHERE position = $1', [target.position])).rejects.toThrow(
      /append-only/,
    );

    // Rewrite the envelope and its canonical text consistently (the revision made by someone else).
    const forged = { ...target.envelope, actor: { ...target.envelope.actor, userId: 'u-mallory' } };
    await tamper('UPDATE audit.ledger_entry SET envelope = $2, canonical = $3 WHERE position = $1', [
      target.position,
      JSON.stringify(forged),
      canonicalJson(forged),
    ]);
    const broken = await verifyNow();
    expect(broken).toMatchObject({
      ok: false,
      mode: 'full',
      checked: target.position - 1,
      throughPosition: target.position - 1,
      headPosition: total,
      firstBroken: { position: target.position, eventId: target.event_id, code: 'ENTRY_HASH_MISMATCH' },
    });
    expect(await (await fetch(`${await app.getUrl()}/metrics`)).text()).toMatch(/^sanshen_ledger_verification_ok\{[^}]*\} 0$/m);
    const recorded = await db.query('SELECT status, broken_position, broken_event_id, broken_code FROM audit.verification_run WHERE id = $1', [broken.runId]);
    expect(recorded.rows[0]).toEqual({ status: 'broken', broken_position: String(target.position), broken_event_id: target.event_id, broken_code: 'ENTRY_HASH_MISMATCH' });
    await expect(verify(auditor, { documentId: docA })).resolves.toMatchObject({
      ok: false,
      firstBroken: { position: target.position, eventId: target.event_id, code: 'ENTRY_HASH_MISMATCH' },
    });
    // Another document's chain is untouched.
    await expect(verify(auditor, { documentId: docC })).resolves.toEqual({ ok: true, checked: 5 });

    // Only the stored envelope altered, the hashed text left alone: named as well.
    await tamper('UPDATE audit.ledger_entry SET envelope = $2, canonical = $3 WHERE position = $1', [
      target.position,
      JSON.stringify(target.envelope),
      target.canonical,
    ]);
    await expect(verifyNow()).resolves.toMatchObject({ ok: true, checked: total });
    const later = (await entriesOf(docC))[2];
    await tamper(`UPDATE audit.ledger_entry SET envelope = jsonb_set(envelope, '{payload,version}', '7') WHERE position = $1`, [
      later.position,
    ]);
    await expect(verifyNow()).resolves.toMatchObject({
      ok: false,
      firstBroken: { position: later.position, eventId: later.event_id, code: 'ENVELOPE_MISMATCH' },
    });
    await tamper('UPDATE audit.ledger_entry SET envelope = $2 WHERE position = $1', [later.position, JSON.stringify(later.envelope)]);
    await expect(verifyNow()).resolves.toMatchObject({ ok: true, checked: total });
  });

  it('walks a chain longer than one chunk in chunks and names a relinked entry in a later chunk', async () => {
    // Entries appended straight into the table (as a superuser may INSERT): three per document,
    // so the document links cross the chunks' edges.
    const head = (await db.query<{ position: string; hash: string }>('SELECT position, hash FROM audit.ledger_head')).rows[0]!;
    const count = CHUNK_SIZE * 2 + 100;
    const documents = Array.from({ length: Math.ceil(count / 3) }, () => randomUUID());
    const documentHeads = new Map<string, string>();
    let position = Number(head.position);
    let prevHash = head.hash;
    const rows: unknown[][] = [];
    for (let index = 0; index < count; index += 1) {
      const documentId = documents[index % documents.length]!;
      const envelope = buildEnvelope('drafting', event(documentId, Math.floor(index / documents.length) + 1, 'revised', drafter, facts(documentId, 1)));
      const canonical = canonicalJson(envelope);
      const documentPrevHash = documentHeads.get(documentId) ?? GENESIS;
      const documentHash = sha256Hex(documentPrevHash + canonical);
      const hash = sha256Hex(prevHash + canonical);
      position += 1;
      rows.push([position, envelope.id, envelope.type, documentId, envelope.sequence, envelope.occurredAt, drafter.userId, AGENCY, JSON.stringify(envelope), canonical, documentPrevHash, documentHash, prevHash, hash]);
      documentHeads.set(documentId, documentHash);
      prevHash = hash;
    }
    for (let from = 0; from < rows.length; from += 200) {
      const batch = rows.slice(from, from + 200);
      await db.query(
        `INSERT INTO audit.ledger_entry (position, event_id, event_type, document_id, sequence, occurred_at, actor_id, actor_agency_id, envelope, canonical,
                                         document_prev_hash, document_hash, prev_hash, hash)
         VALUES ${batch.map((_, row) => `(${Array.from({ length: 14 }, (__, column) => `$${row * 14 + column + 1}`).join(', ')})`).join(', ')}`,
        batch.flat(),
      );
    }
    await db.query('UPDATE audit.ledger_head SET position = $1, hash = $2, event_id = $3', [position, prevHash, rows.at(-1)![1]]);

    const intact = await verifyNow();
    expect(intact).toMatchObject({ ok: true, mode: 'full', throughPosition: position, throughHash: prevHash, headPosition: position });

    // An entry of the third chunk relinked to its document's first entry, its own hashes recomputed.
    const target = await db.query<{ position: string; document_id: string; canonical: string; document_prev_hash: string; prev_hash: string; hash: string }>(
      'SELECT * FROM audit.ledger_entry WHERE position = $1',
      [Number(head.position) + CHUNK_SIZE * 2 + 50],
    );
    const entry = target.rows[0]!;
    const [first] = await entriesOf(entry.document_id);
    expect(entry.document_prev_hash).not.toBe(first!.document_hash);
    await tamper('UPDATE audit.ledger_entry SET document_prev_hash = $2, document_hash = $3 WHERE position = $1', [
      entry.position,
      first!.document_hash,
      sha256Hex(first!.document_hash + entry.canonical),
    ]);
    const relinked = await verifyNow();
    expect(relinked).toMatchObject({ ok: false, throughPosition: Number(entry.position) - 1, firstBroken: { position: Number(entry.position), code: 'DOCUMENT_LINK_BROKEN' } });
    await tamper('UPDATE audit.ledger_entry SET document_prev_hash = $2, document_hash = $3 WHERE position = $1', [
      entry.position,
      entry.document_prev_hash,
      sha256Hex(entry.document_prev_hash + entry.canonical),
    ]);
    await expect(verifyNow()).resolves.toMatchObject({ ok: true, throughPosition: position });
  });

  it('grants the writer role INSERT and SELECT on the ledger and nothing that rewrites it', async () => {
    const role = await db.query<{ rolcanlogin: boolean }>('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [WRITER_ROLE]);
    expect(role.rows).toEqual([{ rolcanlogin: false }]);

    const expected: Record<string, Record<string, boolean>> = {
      ledger_entry: { SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false },
      ledger_head: { SELECT: true, INSERT: false, UPDATE: true, DELETE: false, TRUNCATE: false },
      document_state: { SELECT: true, INSERT: true, UPDATE: true, DELETE: false, TRUNCATE: false },
      inbox: { SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false },
      consumer_cursor: { SELECT: true, INSERT: true, UPDATE: true, DELETE: false, TRUNCATE: false },
      dead_letter: { SELECT: false, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false },
      outbox: { SELECT: false, INSERT: false, UPDATE: false, DELETE: false, TRUNCATE: false },
      migrations: { SELECT: true, INSERT: false, UPDATE: false, DELETE: false, TRUNCATE: false },
      verification_run: { SELECT: true, INSERT: true, UPDATE: true, DELETE: false, TRUNCATE: false },
    };
    const actual: Record<string, Record<string, boolean>> = {};
    for (const [table, privileges] of Object.entries(expected)) {
      actual[table] = {};
      for (const privilege of Object.keys(privileges)) {
        const { rows } = await db.query<{ granted: boolean }>('SELECT has_table_privilege($1, $2, $3) AS granted', [
          WRITER_ROLE,
          `audit.${table}`,
          privilege,
        ]);
        actual[table][privilege] = rows[0].granted;
      }
    }
    expect(actual).toEqual(expected);
    const schema = await db.query<{ usage: boolean; create: boolean }>(
      `SELECT has_schema_privilege($1, 'audit', 'USAGE') AS usage, has_schema_privilege($1, 'audit', 'CREATE') AS create`,
      [WRITER_ROLE],
    );
    expect(schema.rows[0]).toEqual({ usage: true, create: false });

    // Under the role: a rewrite is refused by the grants themselves.
    for (const statement of ['UPDATE ledger_entry SET status_after = NULL', 'DELETE FROM ledger_entry', 'TRUNCATE ledger_entry']) {
      await db.query('BEGIN');
      try {
        await db.query(`SET LOCAL ROLE ${WRITER_ROLE}`);
        await db.query('SET LOCAL search_path = audit');
        await expect(db.query(statement)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await db.query('ROLLBACK');
      }
    }

    // …and the consumer's work succeeds under it: the runner's inbox and cursor statements, then the append.
    const { RecordEventUseCase } = await import('../src/use-cases/record-event/record-event.use-case.js');
    const recordEvent = app.get(RecordEventUseCase);
    const dataSource = app.get(DataSource);
    const docD = randomUUID();
    const envelope = buildEnvelope('drafting', event(docD, 1, 'created', drafter, facts(docD, 1)));
    const recorded = await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${WRITER_ROLE}`);
      await manager.query(
        `INSERT INTO inbox (consumer, event_id, document_id, sequence, event_type) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        ['audit-ledger', envelope.id, docD, 1, envelope.type],
      );
      await manager.query('SELECT last_sequence FROM consumer_cursor WHERE consumer = $1 AND document_id = $2 FOR UPDATE', [
        'audit-ledger',
        docD,
      ]);
      await manager.query(
        `INSERT INTO consumer_cursor (consumer, document_id, last_sequence) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, document_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence`,
        ['audit-ledger', docD, 1],
      );
      return recordEvent.execute(envelope, manager);
    });
    expect(recorded.violation).toBeNull();
    const [row] = await entriesOf(docD);
    expect(row).toMatchObject({ event_id: envelope.id, canonical: canonicalJson(envelope), status_after: 'draft' });
    await expect(verifyNow()).resolves.toMatchObject({ ok: true });
  });

  it('answers /health with PostgreSQL and NATS up', async () => {
    const response = await fetch(`${await app.getUrl()}/health`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, nats: { status: 'up' } },
    });
  });
});
