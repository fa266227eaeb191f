import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Cast } from '../../e2e/support/publication-flow.js';
import { waitFor } from '../../support/wait-for.js';

const SECRECY_DECISION = {
  conclusion: 'public',
  basis: '《中华人民共和国保守国家秘密法》第三十五条',
  opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
};

/**
 * Takes one article from creation to the portal while the servers beneath may fail: a create is
 * tried until it answers 201 (never again after), then `carryOn`.
 */
export async function carryToPortal(cast: Cast, timeoutMs: number): Promise<string> {
  const title = `关于做好政务公开工作的通知 ${randomUUID().slice(0, 8)}`;
  const created = await waitFor(
    async () => {
      const response = await cast.drafter.post('/api/v1/documents', { kind: 'article', title, column: 'tzgg', body: '<p>现将有关事项通知如下。</p>' });
      return response.status === 201 ? response : undefined;
    },
    { timeoutMs, intervalMs: 500, what: `creating ${title}` },
  );
  const id = created.body.id as string;
  await carryOn(cast, id, created.body.version as number, timeoutMs);
  return id;
}

/**
 * Takes a document on from wherever it is to the portal: every step is chosen from its current status
 * and simply tried again later when it does not succeed (a 503 during an outage, a 409 when the
 * status read was behind), so a step whose answer was lost is never taken twice.
 */
export async function carryOn(cast: Cast, id: string, version: number, timeoutMs: number): Promise<void> {
  const step: Record<string, (() => Promise<Response>) | undefined> = {
    draft: () => cast.drafter.post(`/api/v1/documents/${id}/submit`, { version }),
    pending_l1: () => cast.head.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' }),
    pending_l2: () => cast.deputy.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' }),
    pending_l3: () => cast.principal.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' }),
    pending_secrecy: () => cast.secrecyOfficer.post(`/api/v1/documents/${id}/secrecy/decision`, { version, ...SECRECY_DECISION }),
  };
  await waitFor(
    async () => {
      const document = await cast.drafter.get(`/api/v1/documents/${id}`);
      if (document.status !== 200) return false;
      const status = document.body.status as string;
      if (status === 'published') return true;
      await step[status]?.();
      return false;
    },
    { timeoutMs, intervalMs: 300, what: `${id} to be published` },
  );
}

/** Carries `count` articles to the portal, `concurrency` at a time; `progress` sees each one published. */
export async function carryManyToPortal(
  cast: Cast,
  { count, concurrency, timeoutMs, progress }: { count: number; concurrency: number; timeoutMs: number; progress?: (published: number) => void },
): Promise<string[]> {
  const ids: string[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started += 1;
      ids.push(await carryToPortal(cast, timeoutMs));
      progress?.(ids.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}
