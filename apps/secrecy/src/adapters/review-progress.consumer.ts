import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { TrackReviewUseCase } from '../use-cases/track-review/track-review.use-case.js';

/**
 * Every document event, in order per document: secrecy learns the version and its signers from
 * submitted/approved_l1..3 and keeps the document's sequence. The durable name is a wire contract.
 */
@Injectable()
export class ReviewProgressConsumer implements EventHandlerDefinition {
  readonly durable = 'review-progress';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;

  constructor(private readonly trackReview: TrackReviewUseCase) {}

  handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.trackReview.execute(event, manager);
  }
}
