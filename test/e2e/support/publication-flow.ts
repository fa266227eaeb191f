import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { waitFor } from '../../support/wait-for.js';
import { signIn } from './api.js';
import type { Session } from './api.js';
import type { RunningSystem } from './system.js';

/** One agency's people, signed in: everyone an article meets on its way to the portal. */
export interface Cast {
  drafter: Session;
  head: Session;
  deputy: Session;
  principal: Session;
  secrecyOfficer: Session;
  publisher: Session;
  auditor: Session;
}

export async function signInCast(system: RunningSystem, agency = 'gx'): Promise<Cast> {
  const [drafter, head, deputy, principal, secrecyOfficer, publisher, auditor] = await Promise.all(
    ['drafter', 'dept_head', 'deputy', 'principal', 'secrecy_officer', 'publisher', 'auditor'].map((role) => signIn(system, `${agency}_${role}`)),
  );
  return { drafter: drafter!, head: head!, deputy: deputy!, principal: principal!, secrecyOfficer: secrecyOfficer!, publisher: publisher!, auditor: auditor! };
}

export interface Drafted {
  id: string;
  title: string;
  version: number;
  contentHash: string;
}

export async function draftArticle(cast: Cast, body = '<p>现将有关事项通知如下。</p>', titlePrefix = '关于开展政务公开工作的通知'): Promise<Drafted> {
  const title = `${titlePrefix} ${randomUUID().slice(0, 8)}`;
  const created = await cast.drafter.post('/api/v1/documents', { kind: 'article', title, column: 'tzgg', body });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.id as string, title, version: created.body.version as number, contentHash: created.body.contentHash as string };
}

/** Submits the version and has the three levels sign it: the document waits for 保密审查. */
export async function signOff(cast: Cast, id: string, version: number, findingExplanations?: Record<string, string>): Promise<void> {
  const submitted = await cast.drafter.post(`/api/v1/documents/${id}/submit`, { version, ...(findingExplanations ? { findingExplanations } : {}) });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  for (const reviewer of [cast.head, cast.deputy, cast.principal]) {
    // The review task appears once review has consumed the previous event.
    await waitFor(
      async () => {
        const approved = await reviewer.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' });
        return approved.status === 200 ? approved : undefined;
      },
      { timeoutMs: 20_000, what: `${reviewer.username} to approve ${id} v${version}` },
    );
  }
}

/** The secrecy officer clears the version (保密审查: public); the decision's answer. */
export async function clearSecrecy(cast: Cast, id: string, version: number): Promise<Response> {
  return waitFor(
    async () => {
      const response = await cast.secrecyOfficer.post(`/api/v1/documents/${id}/secrecy/decision`, {
        version,
        conclusion: 'public',
        basis: '《中华人民共和国保守国家秘密法》第三十五条',
        opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
      });
      return response.status === 201 ? response : undefined;
    },
    { timeoutMs: 20_000, what: `the secrecy decision on ${id} v${version}` },
  );
}

export interface PublicationBody {
  publicationId: string;
  version: number;
  state: string;
  scheduledAt: string | null;
  attempts: { attempt: number; outcome: string; httpStatus: number | null; error: string | null }[];
  receipt: { url: string; publishedAt: string; contentHash: string } | null;
  retraction?: { reason: string; requestedBy: string; authorizedBy: string | null; retractedAt: string | null } | null;
  correctionStartedAt?: string | null;
}

/** Polls the document's publication until `accept` says yes. */
export async function waitForPublication(
  session: Session,
  id: string,
  accept: (publication: PublicationBody) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<PublicationBody> {
  return waitFor(
    async () => {
      const response = await session.get(`/api/v1/documents/${id}/publication`);
      return response.status === 200 && accept(response.body as PublicationBody) ? (response.body as PublicationBody) : undefined;
    },
    { timeoutMs, intervalMs: 200, what },
  );
}

/** Drafted, signed off, cleared and published: returns the published receipt. */
export async function publishArticle(cast: Cast, body?: string): Promise<Drafted & { publication: PublicationBody }> {
  const drafted = await draftArticle(cast, body);
  await signOff(cast, drafted.id, drafted.version);
  await clearSecrecy(cast, drafted.id, drafted.version);
  const publication = await waitForPublication(cast.drafter, drafted.id, (p) => p.state === 'published' && p.receipt !== null, 'the portal receipt');
  return { ...drafted, publication };
}

/** The portal's JSON feed items of one document (each is one live page). */
export async function feedItemsOf(system: RunningSystem, documentId: string): Promise<{ id: string; url: string; _sanshen: { version: number } }[]> {
  const feed = await request(system.portalUrl).get('/feed.json');
  if (feed.status !== 200) throw new Error(`feed answered ${feed.status}`);
  const items = (feed.body.items ?? []) as { id: string; url: string; _sanshen: { documentId: string; version: number } }[];
  return items.filter((item) => item._sanshen.documentId === documentId);
}

/** The ledger's event types of one document, as the auditor reads them. */
export async function ledgerTypes(cast: Cast, id: string): Promise<string[]> {
  const response = await cast.auditor.get(`/api/v1/documents/${id}/audit`);
  if (response.status !== 200) return [];
  return (response.body.entries as { eventType: string }[]).map((entry) => entry.eventType);
}
