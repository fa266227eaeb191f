import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import type { SecrecyCaseOrmEntity } from '../persistence/secrecy-case.orm-entity.js';
import { TrackReviewUseCase } from '../use-cases/track-review/track-review.use-case.js';

/**
 * Every document event, in order per document: secrecy learns the version and its signers from
 * submitted/approved_l1..3 and keeps the document's sequence. The durable name is a wire contract.
 */
@Injectable()
export class ReviewProgressConsumer implements EventHandlerDefinition<SecrecyCaseOrmEntity | null> {
  readonly durable = 'review-progress';
  readonly eventTypes = ['document.>'];
  readonly ordered = true;

  constructor(private readonly trackReview: TrackReviewUseCase) {}

  // The case, locked, goes out with the inbox statement.
  readAlong(event: EventEnvelope, manager: EntityManager): Promise<SecrecyCaseOrmEntity | null> {
    return this.trackReview.lock(event, manager);
  }

  handle(event: EventEnvelope, manager: EntityManager, locked: SecrecyCaseOrmEntity | null): Promise<void> {
    return this.trackReview.execute(event, manager, locked);
  }
}
