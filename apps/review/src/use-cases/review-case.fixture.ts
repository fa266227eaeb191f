import type { DocumentStatus } from '@sanshen/kernel';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { Logger } from 'pino';
import type { Queue } from 'bullmq';
import type { ReviewConfig } from '../config/review.config.js';
import type { RecordedSignature, ReviewCase, ReviewDecisionKind } from '../domain/review-case.js';
import type { ReviewDelegation } from '../domain/review-delegation.js';
import type { ReviewNotification } from '../domain/review-notification.js';
import type { ReviewRepository } from '../persistence/review.repository.js';
import { ReminderQueue } from '../queue/reminder-queue.js';
import type { ReminderJobData } from '../queue/reminder-queue.js';
import { CaseTransition } from './case-transition.js';
import { peopleAt } from '../../../../test/support/actors.js';

/** Unit-spec fixtures of review's decisions: a case on domain types and in-memory ports. */
export const AGENCY = 'a-1';
export const DEPT = 'd-1';
export const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';

export const person = peopleAt({ agencyId: AGENCY, agencyName: '测试局', departmentId: DEPT });

export function reviewCase(status: DocumentStatus, changes: Partial<ReviewCase> = {}): ReviewCase {
  return {
    documentId: DOC,
    agencyId: AGENCY,
    departmentId: DEPT,
    authorId: 'author',
    submitterId: 'author',
    submitterName: '起草人',
    kind: 'article',
    title: '标题',
    version: 2,
    contentHash: `sha256:${'a'.repeat(64)}`,
    status,
    eventSeq: 5,
    submittedAt: new Date('2026-01-05T00:00:00Z'),
    stageEnteredAt: new Date('2026-01-05T00:00:00Z'),
    returnedLevel: null,
    remindedAt: null,
    escalatedAt: null,
    ...changes,
  };
}

/** One case, its signatures and delegations in memory; `log` tells the order of what happened. */
export function reviewHarness(current: ReviewCase | null, options: { approvals?: RecordedSignature[]; delegations?: ReviewDelegation[] } = {}) {
  const log: string[] = [];
  /** What was read besides the case (not a change: kept apart from `log`). */
  const reads: string[] = [];
  const signatures: RecordedSignature[] = [...(options.approvals ?? [])];
  const reviews = reviewsWith({
    lockCase: async () => current,
    updateCase: async (_manager, saved) => {
      log.push(`save ${saved.status} #${saved.eventSeq}`);
    },
    addSignature: async (_manager, signed) => {
      signatures.push({ ...signed, signedAt: new Date() });
      log.push(`sign ${signed.decision} l${signed.level} by ${signed.signerId}`);
    },
    approvalsOf: async () => signatures.filter((signed) => signed.decision === 'approved'),
    delegationsInForce: async () => {
      reads.push('delegations');
      return options.delegations ?? [];
    },
  });
  const outbox = new RecordingOutbox(log, 'review');
  return { transition: new CaseTransition(transitionOver(outbox), reviews), reviews, outbox, log, reads, signatures };
}

/** `head`'s 一审 duty delegated to `stand-in` for January 2026 (in force at NOW). */
export const NOW = new Date('2026-01-10T02:00:00Z');

export function delegation(changes: Partial<ReviewDelegation> = {}): ReviewDelegation {
  return {
    id: 'dl-1',
    agencyId: AGENCY,
    fromUserId: 'head',
    fromName: '科长',
    toUserId: 'stand-in',
    roles: ['dept_head'],
    departmentId: DEPT,
    oversees: [],
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date('2026-02-01T00:00:00Z'),
    createdAt: new Date('2025-12-31T00:00:00Z'),
    revokedAt: null,
    ...changes,
  };
}

export function signature(level: 1 | 2 | 3, decision: ReviewDecisionKind, changes: Partial<RecordedSignature> = {}): RecordedSignature {
  return {
    documentId: DOC,
    version: 2,
    contentHash: `sha256:${'a'.repeat(64)}`,
    level,
    decision,
    signerId: `l${level}`,
    signerName: `审核人${level}`,
    comment: null,
    onBehalfOfId: null,
    onBehalfOfName: null,
    signedAt: new Date(`2026-01-0${5 + level}T00:00:00Z`),
    ...changes,
  };
}

export function notification(changes: Partial<ReviewNotification> = {}): ReviewNotification {
  return {
    id: 'n-1',
    agencyId: AGENCY,
    kind: 'review_reminder',
    documentId: DOC,
    level: 1,
    departmentId: DEPT,
    taskKey: `${DOC}/5/remind`,
    title: '审核提醒：标题',
    message: '请及时审核',
    createdAt: new Date('2026-01-07T00:00:00Z'),
    ...changes,
  };
}

/** An in-memory review store: the methods a spec gives (typed as the repository's); any other is absent. */
export function reviewsWith(methods: Partial<ReviewRepository>): ReviewRepository {
  return methods as unknown as ReviewRepository;
}

/** A logger that keeps its warnings and errors. */
export function recordingLogger() {
  const warnings: string[] = [];
  const note = (_fields: unknown, message: string) => void warnings.push(message);
  const logger = { warn: note, error: note, info: () => undefined } as unknown as Logger;
  return { logger, warnings };
}

/** Days of one hour, 2 to remind and 4 to escalate: plain counting, no calendar. */
export const REMINDER_CONFIG: ReviewConfig = { reminderDays: 2, escalationDays: 4, unitMs: 3_600_000, sweepMs: 60_000, holidays: [], extraWorkdays: [], webhookUrl: null };

/** The real reminder queue over a stand-in BullMQ queue that keeps the sweep's schedules by id. */
export function reminderQueue(config: ReviewConfig = REMINDER_CONFIG) {
  const schedulers = new Map<string, { every?: number; name: string }>();
  const queue = {
    upsertJobScheduler: async (id: string, repeat: { every?: number }, template: { name: string }) => void schedulers.set(id, { every: repeat.every, name: template.name }),
  } as unknown as Queue<ReminderJobData>;
  return { reminders: new ReminderQueue(queue as never, config), schedulers };
}

/** A port method that keeps the arguments of each call (`calls`) and answers `reply`. */
export function answering<R>(reply: R) {
  const calls: unknown[][] = [];
  const method = async (...args: unknown[]): Promise<R> => {
    calls.push(args);
    return reply;
  };
  return { calls, method };
}
