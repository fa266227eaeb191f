import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { Actor, DocumentEventPayloads, DocumentEventType, ReviewDecisionView, ReviewLevel } from '@sanshen/contracts';
import { EventOutbox } from '@sanshen/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ReviewCaseOrmEntity } from '../persistence/review-case.orm-entity.js';
import { ReviewRepository } from '../persistence/review.repository.js';
import { assertCaseAt } from './review-case-guard.js';

export interface CaseDecision<T extends DocumentEventType> {
  event: T;
  payload: DocumentEventPayloads[T];
  next: ReviewCaseOrmEntity['status'];
  level: ReviewLevel | null;
}

/**
 * One decision on a review case, whole or not at all: lock the case (racing decisions queue here and
 * the loser finds the case moved on: 409), decide, record, move the case and emit the event with the
 * document's next sequence number, in one transaction.
 */
@Injectable()
export class CaseTransition {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async run<T extends DocumentEventType>(
    actor: Actor,
    target: { documentId: string; version: number },
    correlationId: string,
    decide: (reviewCase: ReviewCaseOrmEntity, manager: EntityManager) => Promise<CaseDecision<T>>,
  ): Promise<ReviewDecisionView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const reviewCase = await this.reviews.lockCase(manager, target.documentId);
      assertCaseAt(actor, reviewCase, target.version);
      const decision = await decide(reviewCase, manager);
      reviewCase.status = decision.next;
      reviewCase.eventSeq += 1;
      reviewCase.stageEnteredAt = new Date();
      await this.reviews.saveCase(manager, reviewCase);
      await this.outbox.emit(manager, [
        {
          type: documentEventName(decision.event),
          documentId: reviewCase.documentId,
          sequence: reviewCase.eventSeq,
          actor,
          correlationId,
          payload: decision.payload,
          occurredAt: new Date(),
        },
      ]);
      return { documentId: reviewCase.documentId, version: reviewCase.version, status: reviewCase.status, level: decision.level };
    });
    this.outbox.published();
    return view;
  }
}
