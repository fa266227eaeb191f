import { Inject, Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventActor, ReviewDecisionView } from '@sanshen/contracts';
import type { Actor, DocumentEventType, ReviewLevel } from '@sanshen/kernel';
import { EventOutbox, ROOT_LOGGER } from '@sanshen/platform';
import { reviewLevelOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ReviewCaseOrmEntity } from '../persistence/review-case.orm-entity.js';
import { ReviewRepository } from '../persistence/review.repository.js';
import { ReminderQueue } from '../queue/reminder-queue.js';
import { assertCaseAt } from './review-case-guard.js';

export interface CaseDecision<T extends DocumentEventType> {
  event: T;
  payload: DocumentEventPayloads[T];
  next: ReviewCaseOrmEntity['status'];
  level: ReviewLevel | null;
  /** The actor to record on the event when it is not the caller as they are (a delegate). */
  eventActor?: EventActor;
}

/**
 * One decision on a review case, whole or not at all: lock the case (racing decisions queue here and
 * the loser finds the case moved on: 409), decide, record, move the case and emit the event with the
 * document's next sequence number, in one transaction. After the commit, the decided task's reminders
 * are removed and a new review task's are scheduled.
 */
@Injectable()
export class CaseTransition {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly outbox: EventOutbox,
    private readonly reminders: ReminderQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async run<T extends DocumentEventType>(
    actor: Actor,
    target: { documentId: string; version: number },
    correlationId: string,
    decide: (reviewCase: ReviewCaseOrmEntity, manager: EntityManager) => Promise<CaseDecision<T>>,
  ): Promise<ReviewDecisionView> {
    const { view, opened, closed, events } = await this.dataSource.transaction(async (manager) => {
      const reviewCase = await this.reviews.lockCase(manager, target.documentId);
      assertCaseAt(actor, reviewCase, target.version);
      // The task being decided: its reminders were scheduled under the sequence it opened with.
      const closed = reviewLevelOf(reviewCase.status) === null ? null : { documentId: reviewCase.documentId, seq: reviewCase.eventSeq };
      const decision = await decide(reviewCase, manager);
      reviewCase.status = decision.next;
      reviewCase.eventSeq += 1;
      reviewCase.stageEnteredAt = new Date();
      reviewCase.remindedAt = null;
      reviewCase.escalatedAt = null;
      await this.reviews.saveCase(manager, reviewCase);
      const emitted = await this.outbox.emit(manager, [
        {
          type: documentEventName(decision.event),
          documentId: reviewCase.documentId,
          sequence: reviewCase.eventSeq,
          actor: decision.eventActor ?? actor,
          correlationId,
          payload: decision.payload,
          occurredAt: new Date(),
        },
      ]);
      const level = reviewLevelOf(reviewCase.status);
      return {
        view: { documentId: reviewCase.documentId, version: reviewCase.version, status: reviewCase.status, level: decision.level },
        events: emitted,
        opened: level === null ? null : { documentId: reviewCase.documentId, seq: reviewCase.eventSeq, level, openedAt: reviewCase.stageEnteredAt },
        closed,
      };
    });
    // The relay starts on the event at once; the hand-over below waits for its next owner.
    this.outbox.published();
    if (closed !== null) {
      // A reminder left behind would only be skipped when due; if Redis is down it stays until then.
      await this.reminders.cancel(closed).catch((error: unknown) => {
        this.logger.warn({ err: error, documentId: closed.documentId, correlationId }, 'could not remove the decided task’s reminders');
      });
    }
    if (opened !== null) {
      // The decision stands even if Redis is down; the task then simply has no reminder (logged).
      await this.reminders.schedule(opened).catch((error: unknown) => {
        this.logger.error({ err: error, documentId: opened.documentId, correlationId }, 'could not schedule review reminders');
      });
    }
    await this.outbox.handOver(events);
    return view;
  }
}
