import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftArticle, signInCast } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import type { RunningSystem } from './support/system.js';

/**
 * Issue #11 point 4. Hand-overs: right after a step's reply, the next actor acts at once (no polling
 * in between) and is never refused because an event was still in flight. Outages: a service that
 * does not answer is 503 SERVICE.UNAVAILABLE with Retry-After, and the route works again once the
 * service is back.
 */

const CONCURRENT_DOCUMENTS = 16;
const SECRECY_BASIS = '《中华人民共和国保守国家秘密法》第三十五条';

interface Refusal {
  document: number;
  step: string;
  status: number;
  code: unknown;
}

describe('hand-overs and outages', () => {
  let system: RunningSystem;
  let casts: Cast[];

  beforeAll(async () => {
    system = await startSystem();
    casts = await Promise.all(['gx', 'zw', 'pp'].map((agency) => signInCast(system, agency)));
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Runs one step and records it when it is not the expected status (no retry: the next actor acts at once). */
  function stepper(document: number, refusals: Refusal[]) {
    return async (step: string, expected: number, call: () => Promise<{ status: number; body: Record<string, unknown> }>) => {
      const response = await call();
      if (response.status !== expected) {
        refusals.push({ document, step, status: response.status, code: response.body.code });
        throw new Error(`${step}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      return response.body;
    };
  }

  function decide(officer: Session, id: string, conclusion: 'public' | 'return'): Promise<{ status: number; body: Record<string, unknown> }> {
    return officer.post(`/api/v1/documents/${id}/secrecy/decision`, {
      version: 1,
      conclusion,
      basis: SECRECY_BASIS,
      opinion: conclusion === 'public' ? '经审查，不涉及国家秘密和工作秘密，同意公开。' : '含有工作秘密，请删除后重新提交。',
    });
  }

  it(`lets ${CONCURRENT_DOCUMENTS} documents go from submission to secrecy clearance concurrently, each next actor acting at once`, async () => {
    const refusals: Refusal[] = [];
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: CONCURRENT_DOCUMENTS }, async (_, index) => {
        const cast = casts[index % casts.length]!;
        const step = stepper(index, refusals);
        const { id } = await draftArticle(cast);
        await step('submit', 200, () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }));
        const inbox = await step('L1 inbox', 200, () => cast.head.get('/api/v1/reviews/inbox'));
        if (!(inbox.items as { documentId: string }[]).some((item) => item.documentId === id)) {
          refusals.push({ document: index, step: 'L1 inbox', status: 200, code: 'not in the inbox' });
        }
        await step('L1 views', 200, () => cast.head.get(`/api/v1/documents/${id}`));
        expect((await step('L1 approve', 200, () => cast.head.post(`/api/v1/documents/${id}/approve`, { version: 1, comment: '同意' }))).status).toBe('pending_l2');
        await step('L2 approve', 200, () => cast.deputy.post(`/api/v1/documents/${id}/approve`, { version: 1, comment: '同意' }));
        await step('L3 approve', 200, () => cast.principal.post(`/api/v1/documents/${id}/approve`, { version: 1, comment: '同意' }));
        expect((await step('secrecy officer views', 200, () => cast.secrecyOfficer.get(`/api/v1/documents/${id}`))).status).toBe('pending_secrecy');
        await step('secrecy view', 200, () => cast.secrecyOfficer.get(`/api/v1/documents/${id}/secrecy`));
        await step('secrecy clear', 201, () => decide(cast.secrecyOfficer, id, 'public'));
        await step('publication view', 200, () => cast.publisher.get(`/api/v1/documents/${id}/publication`));
      }),
    );
    const elapsedMs = Date.now() - started;

    expect(refusals).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    // Bounded: 16 documents × 9 steps; a hand-over that always ran into its bound would show here.
    expect(elapsedMs).toBeLessThan(60_000);
  });

  it('lets the drafter edit at once after a return, a withdrawal and a secrecy return, and resubmit into the inbox', async () => {
    const refusals: Refusal[] = [];
    const cast = casts[0]!;
    const edit = (step: ReturnType<typeof stepper>, id: string) =>
      step('drafter edits', 200, () => cast.drafter.patch(`/api/v1/documents/${id}`, { version: 1, content: { body: '<p>修改后的正文。</p>' } }));

    const returned = async (): Promise<void> => {
      const step = stepper(0, refusals);
      const { id } = await draftArticle(cast);
      await step('submit', 200, () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }));
      await step('L1 approve', 200, () => cast.head.post(`/api/v1/documents/${id}/approve`, { version: 1 }));
      await step('L2 returns', 200, () => cast.deputy.post(`/api/v1/documents/${id}/return`, { version: 1, reason: '数据有误', to: 'drafter' }));
      await edit(step, id);
      await step('resubmit', 200, () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 2 }));
      await step('L1 approves the new version', 200, () => cast.head.post(`/api/v1/documents/${id}/approve`, { version: 2 }));
    };
    const withdrawn = async (): Promise<void> => {
      const step = stepper(1, refusals);
      const { id } = await draftArticle(cast);
      await step('submit', 200, () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }));
      await step('withdraw', 200, () => cast.drafter.post(`/api/v1/documents/${id}/withdraw`, { version: 1 }));
      await edit(step, id);
    };
    const secrecyReturned = async (): Promise<void> => {
      const step = stepper(2, refusals);
      const { id } = await draftArticle(cast);
      await step('submit', 200, () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }));
      for (const reviewer of [cast.head, cast.deputy, cast.principal]) {
        await step(`${reviewer.username} approves`, 200, () => reviewer.post(`/api/v1/documents/${id}/approve`, { version: 1 }));
      }
      await step('secrecy returns', 201, () => decide(cast.secrecyOfficer, id, 'return'));
      await edit(step, id);
    };

    const outcomes = await Promise.allSettled([returned(), withdrawn(), secrecyReturned()]);

    expect(refusals).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
  });

  it('answers 503 SERVICE.UNAVAILABLE with Retry-After while drafting is down, and serves again once it is back', async () => {
    const cast = casts[1]!;
    const { id } = await draftArticle(cast);
    await system.kill('drafting');
    try {
      const started = Date.now();
      for (const response of [
        await cast.drafter.get(`/api/v1/documents/${id}`),
        await cast.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }),
      ]) {
        expect(response.status, JSON.stringify(response.body)).toBe(503);
        expect(response.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE', details: { service: 'drafting', retryAfterSeconds: 5 } });
        expect(response.headers['retry-after']).toBe('5');
      }
      // No responders is known at once: the callers do not sit out the 10 s request timeout.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await system.start('drafting');
    }
    const again = await cast.drafter.get(`/api/v1/documents/${id}`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
  });

  it('answers 503 with Retry-After, and nothing of the cause, when drafting is up but its database is out of reach', async () => {
    const cast = casts[1]!;
    const { id } = await draftArticle(cast);
    const database = new URL(system.databaseUrl);
    const proxy = await startTcpProxy(database.hostname, Number(database.port || 5432));
    try {
      database.host = `127.0.0.1:${proxy.port}`;
      system.setEnv('drafting', { DATABASE_URL: database.toString() });
      await system.restart('drafting');
      expect((await cast.drafter.get(`/api/v1/documents/${id}`)).status).toBe(200);

      await proxy.cut();
      const response = await cast.drafter.get(`/api/v1/documents/${id}`);
      expect(response.status, JSON.stringify(response.body)).toBe(503);
      expect(response.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE', details: { retryAfterSeconds: 5 } });
      expect(response.headers['retry-after']).toBe('5');
      expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|terminated|127\.0\.0\.1|postgres/i);

      await proxy.restore();
      const again = await cast.drafter.get(`/api/v1/documents/${id}`);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
    } finally {
      await proxy.restore().catch(() => undefined);
      system.setEnv('drafting', { DATABASE_URL: system.databaseUrl });
      await system.restart('drafting');
      await proxy.close();
    }
  });

  it('lists notifications while one of their two services is down, and answers 503 with Retry-After when both are', async () => {
    const publisher = casts[2]!.publisher;
    await system.kill('review');
    try {
      const one = await publisher.get('/api/v1/notifications');
      expect(one.status, JSON.stringify(one.body)).toBe(200);
      await system.kill('publication');
      try {
        const none = await publisher.get('/api/v1/notifications');
        expect(none.status, JSON.stringify(none.body)).toBe(503);
        expect(none.body.code).toBe('SERVICE.UNAVAILABLE');
        expect(none.headers['retry-after']).toBe('5');
      } finally {
        await system.start('publication');
      }
    } finally {
      await system.start('review');
    }
    const back = await publisher.get('/api/v1/notifications');
    expect(back.status, JSON.stringify(back.body)).toBe(200);
  });
});
