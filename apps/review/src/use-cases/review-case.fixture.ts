import type { Actor, DocumentStatus, Role } from '@sanshen/kernel';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { Logger } from 'pino';
import type { ReviewCase, ReviewSignature } from '../domain/review-case.js';
import type { DelegatedDuty } from '../domain/reviewer-capacity.js';
import type { ReviewRepository } from '../persistence/review.repository.js';
import type { ReminderQueue } from '../queue/reminder-queue.js';
import { CaseTransition } from './case-transition.js';

/** Unit-spec fixtures of review's decisions: a case on domain types and in-memory ports. */
export const AGENCY = 'a-1';
export const DEPT = 'd-1';
export const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';

export function person(userId: string, roles: Role[], extra: Partial<Actor> = {}): Actor {
  return { userId, agencyId: AGENCY, agencyName: '测试局', departmentId: DEPT, roles, oversees: [], displayName: userId, ...extra };
}

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
export function reviewHarness(current: ReviewCase | null, options: { approvals?: ReviewSignature[]; delegations?: DelegatedDuty[] } = {}) {
  const log: string[] = [];
  const signatures: ReviewSignature[] = [...(options.approvals ?? [])];
  const reviews = {
    lockCase: async () => current,
    saveCase: async (_manager: unknown, saved: ReviewCase) => {
      log.push(`save ${saved.status} #${saved.eventSeq}`);
    },
    addSignature: async (_manager: unknown, signature: ReviewSignature) => {
      signatures.push(signature);
      log.push(`sign ${signature.decision} l${signature.level} by ${signature.signerId}`);
    },
    approvalsOf: async () => signatures.filter((signature) => signature.decision === 'approved'),
    delegationsInForce: async () => options.delegations ?? [],
  } as unknown as ReviewRepository;
  const reminders = {
    cancel: async (task: { seq: number }) => log.push(`reminders cancel #${task.seq}`),
    schedule: async (task: { seq: number; level: number }) => log.push(`reminders schedule l${task.level} #${task.seq}`),
  } as unknown as ReminderQueue;
  const outbox = new RecordingOutbox(log, 'review');
  const logger = { warn: () => undefined, error: () => undefined, info: () => undefined } as unknown as Logger;
  return { transition: new CaseTransition(transitionOver(outbox), reviews, reminders, logger), reviews, outbox, log, signatures };
}
