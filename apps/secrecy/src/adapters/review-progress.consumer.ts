import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { TrackReviewUseCase } from '../use-cases/track-review/track-review.use-case.js';

@Injectable()
export class ReviewProgressConsumer implements EventHandlerDefinition {
  readonly durable = 'review-progress';
  readonly eventTypes = ['document.submitted', 'document.approved_l1', 'document.approved_l2', 'document.approved_l3'];

  constructor(private readonly trackReview: TrackReviewUseCase) {}

  handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.trackReview.execute(event, manager);
  }
}
