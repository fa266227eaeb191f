import { closedLoop, percentiles, sleep } from './measure.js';
import type { LoadResult, Percentiles } from './measure.js';
import { createArticle, SECRECY_DECISION } from './population.js';
import type { Cast, Person } from './population.js';
import { NoticeListener } from './notice-listener.js';

/** Drafts and submits `count` articles, round robin over the first `departments` casts: they wait at level 1. */
export async function preparePendingL1(casts: readonly Cast[], departments: number, count: number, serialBase: number): Promise<{ id: string; cast: Cast }[]> {
  const prepared: { id: string; cast: Cast }[] = [];
  const load = await closedLoop({ concurrency: 16, count }, async (_worker, index) => {
    const cast = casts[index % departments] as Cast;
    const id = await createArticle(cast, serialBase + index);
    await cast.drafter.expect('submit', 200, 'POST', `/api/v1/documents/${id}/submit`, { version: 1 });
    prepared.push({ id, cast });
  });
  if (load.failures > 0) throw new Error(`preparing documents: ${load.failures} failed (${load.failureSamples.join('; ')})`);
  return prepared;
}

/**
 * Level-1 approvals by `concurrency` reviewers at once, each its own account (the head of the
 * document's department): reviewer w signs the documents of department w, in turn.
 */
export async function approvals(casts: readonly Cast[], documents: readonly { id: string; cast: Cast }[], concurrency: number): Promise<LoadResult> {
  const queues = Array.from({ length: concurrency }, (_, worker) => documents.filter((document) => document.cast === casts[worker]));
  return closedLoop({ concurrency }, async (worker) => {
    const document = queues[worker]?.shift();
    if (document === undefined) return 'done';
    await document.cast.head.expect('approve', 200, 'POST', `/api/v1/documents/${document.id}/approve`, { version: 1, comment: '同意' });
  });
}

export const PIPELINE_STEPS = ['create', 'submit', 'approve L1', 'approve L2', 'approve L3', 'secrecy clear', 'portal receipt'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export interface PipelineResult {
  clients: number;
  load: LoadResult;
  steps: Record<PipelineStep, Percentiles>;
  /** From a step's reply to the next actor's first view showing the new state (ms). */
  lag: Percentiles;
  /** Next actors whose first look did not show the step yet (the 404/409 cause). */
  notYetVisible: number;
}

const TERMINAL = 60_000;

/** After the notice, or without one, how long the drafter waits before looking at the publication again. */
const RECEIPT_LOOK_MS = 1_000;

/**
 * The whole pipeline per client, back to back: create → submit → three sign-offs → 保密审查 → the
 * portal's receipt. After each hand-over the next actor looks at once (GET the document) and acts at
 * once; a step that does not answer as it should fails the document. The drafter learns of the
 * portal's receipt as the console does: from the notice on its live stream (发布 notices reach the
 * author), then one look at the publication; it looks again every second if no notice came.
 */
export async function pipeline(casts: readonly Cast[], clients: number, durationMs: number, serialBase: number): Promise<PipelineResult> {
  const stepTimes = Object.fromEntries(PIPELINE_STEPS.map((step) => [step, [] as number[]])) as Record<PipelineStep, number[]>;
  const lags: number[] = [];
  let notYetVisible = 0;

  const timed = async <T>(step: PipelineStep, call: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await call();
    stepTimes[step].push(performance.now() - t0);
    return value;
  };
  /** The next actor looks at once; lag = reply → a view showing `status`. */
  const sees = async (person: Person, id: string, status: string, repliedAt: number): Promise<void> => {
    for (let first = true; ; first = false) {
      const view = await person.call('GET', `/api/v1/documents/${id}`);
      if (view.status === 200 && view.body.status === status) {
        lags.push(performance.now() - repliedAt);
        return;
      }
      if (first) notYetVisible += 1;
      if (performance.now() - repliedAt > TERMINAL) throw new Error(`${person.username} never saw ${id} as ${status}`);
      await sleep(5);
    }
  };

  const listeners = new Map<Cast, NoticeListener>();
  for (const cast of casts.slice(0, clients)) listeners.set(cast, await NoticeListener.open(cast.drafter));
  const load = await closedLoop({ concurrency: clients, durationMs }, async (worker, index) => {
    const cast = casts[worker % casts.length] as Cast;
    const listener = listeners.get(cast) as NoticeListener;
    const id = await timed('create', () => createArticle(cast, serialBase + index));
    const approve = { version: 1, comment: '同意' };
    const steps: [PipelineStep, Person, string, object, Person, string][] = [
      ['submit', cast.drafter, 'submit', { version: 1 }, cast.head, 'pending_l1'],
      ['approve L1', cast.head, 'approve', approve, cast.deputy, 'pending_l2'],
      ['approve L2', cast.deputy, 'approve', approve, cast.principal, 'pending_l3'],
      ['approve L3', cast.principal, 'approve', approve, cast.secrecyOfficer, 'pending_secrecy'],
    ];
    for (const [step, actor, verb, body, next, status] of steps) {
      await timed(step, () => actor.expect(step, 200, 'POST', `/api/v1/documents/${id}/${verb}`, body));
      await sees(next, id, status, performance.now());
    }
    const notice = listener.heard(id, ['published', 'publish_failed']);
    await timed('secrecy clear', () => cast.secrecyOfficer.expect('secrecy clear', 201, 'POST', `/api/v1/documents/${id}/secrecy/decision`, SECRECY_DECISION));
    await timed('portal receipt', () => portalReceipt(cast.drafter, id, notice));
  });
  await Promise.all([...listeners.values()].map((listener) => listener.close()));
  const steps = Object.fromEntries(PIPELINE_STEPS.map((step) => [step, percentiles(stepTimes[step])])) as Record<PipelineStep, Percentiles>;
  return { clients, load, steps, lag: percentiles(lags), notYetVisible };
}

/** The publication as the drafter sees it once the notice came (or a second passed without one): published, or it fails. */
async function portalReceipt(drafter: Person, id: string, notice: Promise<string>): Promise<void> {
  let heard = false;
  for (const started = performance.now(); ; ) {
    if (heard) await sleep(RECEIPT_LOOK_MS);
    else heard = await Promise.race([notice.then(() => true), sleep(RECEIPT_LOOK_MS).then(() => false)]);
    const publication = await drafter.call('GET', `/api/v1/documents/${id}/publication`);
    if (publication.status === 200 && publication.body.state === 'published') return;
    if (publication.status === 200 && publication.body.state === 'publish_failed') throw new Error('portal receipt: publish_failed');
    if (performance.now() - started > TERMINAL) throw new Error('portal receipt: none within 60 s');
  }
}
