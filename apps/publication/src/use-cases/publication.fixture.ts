import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentVersionView, DocumentView, QueueOverview } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { PublicationAttemptOrmEntity } from '../persistence/publication-attempt.orm-entity.js';
import type { PublicationNotificationOrmEntity } from '../persistence/publication-notification.orm-entity.js';
import type { PublicationOrmEntity, PublicationState } from '../persistence/publication.orm-entity.js';
import type { NewAttempt, NewNotification, PublicationRepository } from '../persistence/publication.repository.js';
import type { PushJobData, PushQueue } from '../queue/push-queue.js';
import type { PortalRetractOutcome, PortalTarget } from './push-publication/portal-target.js';
import { PublicationTransition } from './publication-transition.js';
import { peopleAt } from '../../../../test/support/actors.js';

/** Unit-spec fixtures of publication's use cases: a publication as plain data and in-memory ports. */
export const AGENCY = 'ag-1';
export const DEPT = 'd-1';
export const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';

export const person = peopleAt({ agencyId: AGENCY, agencyName: '机关', departmentId: DEPT });

/** The 公开目录 entry the drafting stand-in assigns to every document. */
export const CATALOGUE_ENTRY = {
  documentId: DOC,
  indexNumber: 'TESTAGCY/tzgg-2026-00001',
  publisher: '海东市测试局',
  columnCode: 'tzgg',
  columnName: '通知公告',
  writtenOn: '2026-12-01',
  documentNumber: null,
  topic: '综合政务',
  openness: '主动公开',
  assignedAt: '2026-12-06T01:00:00.000Z',
} as const;

export function publication(state: PublicationState, changes: Partial<PublicationOrmEntity> = {}): PublicationOrmEntity {
  return {
    id: 'pub-1',
    documentId: DOC,
    version: 1,
    contentHash: `sha256:${'a'.repeat(64)}`,
    agencyId: AGENCY,
    state,
    eventSeq: 8,
    run: 0,
    correlationId: 'c-0',
    causeEventId: null,
    scheduledAt: null,
    receiptUrl: null,
    publishedAt: null,
    receiptContentHash: null,
    failureReason: null,
    retractReason: null,
    retractRequestedBy: null,
    retractRequestedAt: null,
    retractAuthorizedBy: null,
    retractedAt: null,
    correctionStartedAt: null,
    correctionStartedBy: null,
    createdAt: new Date('2026-11-20T00:00:00Z'),
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    ...changes,
  };
}

/** A published page with a publisher's pending retraction request. */
export function retractionRequested(changes: Partial<PublicationOrmEntity> = {}): PublicationOrmEntity {
  return publication('published', {
    receiptUrl: 'http://portal/items/x',
    publishedAt: new Date('2026-11-21T00:00:00Z'),
    retractReason: '内容有误',
    retractRequestedBy: 'u-publisher',
    retractRequestedAt: new Date('2026-11-21T08:00:00Z'),
    ...changes,
  });
}

/** The document as drafting shows it to the caller. */
export function documentView(changes: Partial<DocumentView> = {}): DocumentView {
  return {
    id: DOC,
    kind: 'article',
    status: 'published',
    version: 1,
    contentHash: `sha256:${'a'.repeat(64)}`,
    title: '关于开展检查的通知',
    agencyId: AGENCY,
    agencyName: '机关',
    departmentId: DEPT,
    authorId: 'author',
    content: { title: '关于开展检查的通知', column: 'tzgg', body: '<p>正文</p>' },
    lastReturn: null,
    findingExplanations: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...changes,
  };
}

export const RETRACTED: PortalRetractOutcome = { ok: true, httpStatus: 201, receipt: { url: 'http://portal/items/x', retractedAt: '2026-11-22T01:00:00.000Z' } };

export interface PublicationWorld {
  /** The latest publication of the document, as the repository holds it (moves update it). */
  current?: PublicationOrmEntity | null;
  attempts?: PublicationAttemptOrmEntity[];
  inFlight?: PublicationOrmEntity[];
  notifications?: PublicationNotificationOrmEntity[];
  /** What `requestRetraction` finds: false when the publication moved meanwhile. */
  /** What `ensure` answers for a job. */
  jobs?: 'queued' | 'restarted' | 'live';
  overview?: QueueOverview;
  /** What drafting answers (an error: what it refuses with). */
  document?: DocumentView | Error;
  /** What drafting answers for the signed version (the push fetches it as the system). */
  version?: DocumentVersionView | Error;
  /** Another step moved the publication between the read and the lock. */
  movedMeanwhile?: boolean;
  /** Attempts of the run already recorded (`countAttempts` adds the ones recorded here). */
  attemptsMade?: number;
  portal?: Partial<PortalTarget>;
}

/** Strict in-memory ports that record the order of what happened in `log`; an unexpected call throws. */
export function publicationHarness(world: PublicationWorld = {}) {
  const log: string[] = [];
  let current = world.current ?? null;
  let attemptsMade = world.attemptsMade ?? 0;
  const publications = {
    findLatestForDocument: async () => current,
    findById: async () => current,
    attemptsOf: async () => world.attempts ?? [],
    findLatestWithAttempts: async () => (current === null ? null : { publication: current, attempts: world.attempts ?? [] }),
    lockAsRead: async (_manager: unknown, read: PublicationOrmEntity) => {
      if (world.movedMeanwhile === true || current === null || current.state !== read.state || current.eventSeq !== read.eventSeq) {
        throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: read.documentId });
      }
      return current;
    },
    move: async (_manager: unknown, read: PublicationOrmEntity, to: PublicationState, changes: Partial<PublicationOrmEntity>) => {
      log.push(`transition ${read.state}→${to} seq ${read.eventSeq + 1}`);
      current = { ...read, ...changes, state: to, eventSeq: read.eventSeq + 1 };
    },
    recordAttempt: async (_manager: unknown, attempt: NewAttempt) => {
      attemptsMade += 1;
      log.push(`attempt ${attempt.outcome}${attempt.httpStatus === null ? '' : ` ${attempt.httpStatus}`}`);
      return attemptsMade;
    },
    countAttempts: async () => attemptsMade,
    recordNotification: async (_manager: unknown, notification: NewNotification) => log.push(`notify ${notification.kind}: ${notification.message}`),
    listInFlight: async () => world.inFlight ?? [],
    recentNotifications: async (agencyId: string, limit: number) => {
      log.push(`notifications of ${agencyId} (${limit})`);
      return world.notifications ?? [];
    },
  } as unknown as PublicationRepository;
  const queue = {
    enqueue: async (data: PushJobData, _notBefore: Date | null = null, options: { awaitingCommit?: boolean } = {}) =>
      log.push(`enqueue ${data.publicationId} run ${data.run}${options.awaitingCommit === true ? ' awaiting commit' : ''}`),
    startNow: async (publicationId: string, run: number) => log.push(`start now ${publicationId} run ${run}`),
    ensure: async (data: PushJobData, notBefore: Date | null) => {
      log.push(`ensure ${data.publicationId} run ${data.run}${notBefore === null ? '' : ` at ${notBefore.toISOString()}`}`);
      return world.jobs ?? 'live';
    },
    overview: async (states: readonly string[], limit: number) => {
      log.push(`overview ${states.join(',')} (${limit})`);
      return world.overview ?? { queue: 'publication-push', counts: {}, jobs: [] };
    },
  } as unknown as PushQueue;
  const drafting = {
    send: async (pattern: string, request: { actor: Actor }) => {
      const answers: Record<string, [string, unknown]> = {
        [DRAFTING_RPC.getVersion]: ['drafting.getVersion', world.version],
        [DRAFTING_RPC.catalogueAssign]: ['drafting.catalogueAssign', CATALOGUE_ENTRY],
        [DRAFTING_RPC.columnList]: ['drafting.columnList', { agencyId: AGENCY, items: [{ code: 'tzgg', name: '通知公告', position: 1, retired: false, retiredAt: null, forAnnualReports: false }] }],
        [DRAFTING_RPC.get]: ['drafting.get', world.document ?? documentView()],
        [DRAFTING_RPC.access]: ['drafting.access', world.document ?? documentView()],
      };
      const [label, answer] = answers[pattern] ?? [pattern, undefined];
      if (answer === undefined) throw new Error(`unexpected ${pattern}`);
      log.push(`${label} as ${request.actor.userId}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as ServiceClient;
  const portal: PortalTarget = {
    name: 'fake',
    push: async () => {
      throw new Error('push must not be called');
    },
    retract: async () => {
      throw new Error('retract must not be called');
    },
    ...world.portal,
  };
  const outbox = new RecordingOutbox(log, 'publication');
  const dataSource = { manager: {} } as unknown as DataSource;
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
  const documentTransition = transitionOver(outbox);
  const transition = new PublicationTransition(documentTransition, publications);
  return { publications, queue, drafting, portal, outbox, dataSource, logger, documentTransition, transition, log, current: () => current };
}
