import { Inject, Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventActor, ReviewDecisionView } from '@sanshen/contracts';
import type { Actor, DocumentEventType, DocumentStatus, ReviewLevel } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { ROOT_LOGGER } from '@sanshen/platform';
import { reviewLevelOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { ReviewCase } from '../domain/review-case.js';
import { ReviewRepository } from '../persistence/review.repository.js';
import { ReminderQueue } from '../queue/reminder-queue.js';
import { assertCaseAt } from './review-case-guard.js';

export interface CaseDecision<T extends DocumentEventType> {
  event: T;
  payload: DocumentEventPayloads[T];
  next: DocumentStatus;
  level: ReviewLevel | null;
  /** The actor to record on the event when it is not the caller as they are (a delegate). */
  eventActor?: EventActor;
}

type Task = { documentId: string; seq: number };

interface MovedCase {
  view: ReviewDecisionView;
  /** The task decided: its reminders were scheduled under the sequence it opened with. */
  closed: Task | null;
  /** The review task the move opened, if any. */
  opened: (Task & { level: ReviewLevel; openedAt: Date }) | null;
}

/**
 * One decision on a review case, as review's DocumentTransition: lock the case (racing decisions
 * queue here and the loser finds the case moved on: 409), decide, record, move the case and emit
 * the event with the document's next sequence number. After the commit, the decided task's
 * reminders are removed and a new review task's are scheduled, then the document is handed over.
 */
@Injectable()
export class CaseTransition {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly reviews: ReviewRepository,
    private readonly reminders: ReminderQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async run<T extends DocumentEventType>(
    actor: Actor,
    target: { documentId: string; version: number },
    correlationId: string,
    decide: (reviewCase: ReviewCase, manager: EntityManager) => Promise<CaseDecision<T>>,
  ): Promise<ReviewDecisionView> {
    const { decision: moved } = await this.transition.run<ReviewCase, MovedCase & { decision: CaseDecision<T> }>(
      {
        lock: async (manager) => {
          const reviewCase = await this.reviews.lockCase(manager, target.documentId);
          assertCaseAt(actor, reviewCase, target.version);
          return reviewCase;
        },
        decide: async (reviewCase, manager) => {
          const closed = reviewLevelOf(reviewCase.status) === null ? null : { documentId: reviewCase.documentId, seq: reviewCase.eventSeq };
          const decision = await decide(reviewCase, manager);
          Object.assign(reviewCase, {
            status: decision.next,
            eventSeq: reviewCase.eventSeq + 1,
            stageEnteredAt: new Date(),
            remindedAt: null,
            escalatedAt: null,
          });
          await this.reviews.updateCase(manager, reviewCase);
          const level = reviewLevelOf(reviewCase.status);
          return {
            decision,
            view: { documentId: reviewCase.documentId, version: reviewCase.version, status: reviewCase.status, level: decision.level },
            closed,
            opened: level === null ? null : { documentId: reviewCase.documentId, seq: reviewCase.eventSeq, level, openedAt: reviewCase.stageEnteredAt },
          };
        },
        emit: ({ decision }, reviewCase) => [
          {
            type: documentEventName(decision.event),
            documentId: reviewCase.documentId,
            sequence: reviewCase.eventSeq,
            actor: decision.eventActor ?? actor,
            correlationId,
            payload: decision.payload,
            occurredAt: new Date(),
          },
        ],
      },
      // The relay starts on the event at the commit; the reminders move while the hand-over waits for its next owner.
      { handOver: true, afterCommit: ({ decision }) => this.moveReminders(decision, correlationId) },
    );
    return moved.view;
  }

  private async moveReminders({ closed, opened }: MovedCase, correlationId: string): Promise<void> {
    await Promise.all([this.cancelReminders(closed, correlationId), this.scheduleReminders(opened, correlationId)]);
  }

  private async cancelReminders(closed: Task | null, correlationId: string): Promise<void> {
    if (closed !== null) {
      // A reminder left behind would only be skipped when due; if Redis is down it stays until then.
      await this.reminders.cancel(closed).catch((error: unknown) => {
        this.logger.warn({ err: error, documentId: closed.documentId, correlationId }, 'could not remove the decided task’s reminders');
      });
    }
  }

  private async scheduleReminders(opened: MovedCase['opened'], correlationId: string): Promise<void> {
    if (opened !== null) {
      // The decision stands even if Redis is down; the task then simply has no reminder (logged).
      await this.reminders.schedule(opened).catch((error: unknown) => {
        this.logger.error({ err: error, documentId: opened.documentId, correlationId }, 'could not schedule review reminders');
      });
    }
  }
}
