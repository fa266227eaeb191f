import { Injectable } from '@nestjs/common';
import { isDocumentEvent } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EventHandlerDefinition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { OpenReviewUseCase } from '../use-cases/open-review/open-review.use-case.js';

@Injectable()
export class DocumentSubmittedConsumer implements EventHandlerDefinition {
  readonly durable = 'open-review';
  readonly eventTypes = ['document.submitted'];

  constructor(private readonly openReview: OpenReviewUseCase) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (isDocumentEvent(event, 'submitted')) await this.openReview.execute(event, manager);
  }
}
