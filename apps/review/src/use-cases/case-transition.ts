import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventActor, ReviewDecisionView } from '@sanshen/contracts';
import type { Actor, DocumentEventType, DocumentStatus, ReviewLevel } from '@sanshen/kernel';
import { DocumentTransition, writeBehind } from '@sanshen/messaging';
import { reviewLevelOf } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import type { ReviewCase } from '../domain/review-case.js';
import { reviewsByOwnDuty } from '../domain/reviewer-capacity.js';
import type { DelegatedDuty } from '../domain/reviewer-capacity.js';
import { ReviewRepository } from '../persistence/review.repository.js';
import { assertCaseAt } from './review-case-guard.js';

export interface CaseDecision<T extends DocumentEventType> {
  event: T;
  payload: DocumentEventPayloads[T];
  next: DocumentStatus;
  level: ReviewLevel | null;
  /** The actor to record on the event when it is not the caller as they are (a delegate). */
  eventActor?: EventActor;
}

interface MovedCase {
  view: ReviewDecisionView;
}

/**
 * One decision on a review case, as review's DocumentTransition: lock the case (racing decisions
 * queue here and the loser finds the case moved on: 409), decide, record, move the case and emit
 * the event with the document's next sequence number. After the commit, the document is handed over.
 * A task opened here is reminded by the sweep (SweepRemindersUseCase), which reads the case.
 */
@Injectable()
export class CaseTransition {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly reviews: ReviewRepository,
  ) {}

  /**
   * `readAlong` is a read the decision needs that depends only on the target: it goes out with the
   * case's lock (one round trip for both) and runs under it; its result is dropped when the case
   * is not the caller's to decide (the lock's refusal comes first).
   */
  async run<T extends DocumentEventType, R = undefined>(
    actor: Actor,
    target: { documentId: string; version: number },
    correlationId: string,
    decide: (reviewCase: ReviewCase, manager: EntityManager, read: R) => Promise<CaseDecision<T>>,
    readAlong?: (manager: EntityManager) => Promise<R>,
  ): Promise<ReviewDecisionView> {
    const { decision: moved } = await this.transition.run<{ reviewCase: ReviewCase; read: R }, MovedCase & { decision: CaseDecision<T> }>(
      {
        lock: async (manager) => {
          const [reviewCase, read] = await Promise.all([this.reviews.lockCase(manager, target.documentId), readAlong?.(manager)]);
          assertCaseAt(actor, reviewCase, target.version);
          return { reviewCase, read: read as R };
        },
        decide: async ({ reviewCase, read }, manager) => {
          const decision = await decide(reviewCase, manager, read);
          Object.assign(reviewCase, {
            status: decision.next,
            eventSeq: reviewCase.eventSeq + 1,
            stageEnteredAt: new Date(),
            remindedAt: null,
            escalatedAt: null,
          });
          writeBehind(manager, this.reviews.updateCase(manager, reviewCase));
          return {
            decision,
            view: { documentId: reviewCase.documentId, version: reviewCase.version, status: reviewCase.status, level: decision.level },
          };
        },
        emit: ({ decision }, { reviewCase }) => [
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
      { handOver: true },
    );
    return moved.view;
  }

  /**
   * The caller's delegations in force, as a decision on the locked case needs them: none are read
   * when the caller reviews the case's level by their own duty (their own capacity comes first, and
   * a decision in it signs for nobody else) — the everyday case costs no query.
   */
  async delegationsFor(actor: Actor, reviewCase: ReviewCase, manager: EntityManager): Promise<DelegatedDuty[]> {
    const level = reviewLevelOf(reviewCase.status);
    if (level !== null && reviewsByOwnDuty(actor, level, reviewCase)) return [];
    return this.reviews.delegationsInForce(actor.agencyId, actor.userId, new Date(), manager);
  }
}
