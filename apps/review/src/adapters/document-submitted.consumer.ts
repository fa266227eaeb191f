import { Injectable } from '@nestjs/common';
import { isDocumentEvent } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import type { ReviewCase } from '../domain/review-case.js';
import { OpenReviewUseCase } from '../use-cases/open-review/open-review.use-case.js';

/** A submitted document opens (or resumes) its review case; the case, locked, is read along with the inbox statement. */
@Injectable()
export class DocumentSubmittedConsumer implements EventHandlerDefinition<ReviewCase | null> {
  readonly durable = 'open-review';
  readonly eventTypes = ['document.submitted'];

  constructor(private readonly openReview: OpenReviewUseCase) {}

  readAlong(event: EventEnvelope, manager: EntityManager): Promise<ReviewCase | null> {
    return this.openReview.lock(event, manager);
  }

  async handle(event: EventEnvelope, manager: EntityManager, existing: ReviewCase | null): Promise<void> {
    if (isDocumentEvent(event, 'submitted')) await this.openReview.execute(event, manager, existing);
  }
}
