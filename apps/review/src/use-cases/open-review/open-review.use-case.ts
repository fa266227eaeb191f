import { Injectable } from '@nestjs/common';
import type { DocumentEvent } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';
import { ReviewCaseOrmEntity } from '../../persistence/review-case.orm-entity.js';
import { ReviewRepository } from '../../persistence/review.repository.js';

/** On `submitted`, review takes the document over: the 一审 task opens for its department head. */
@Injectable()
export class OpenReviewUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(event: DocumentEvent<'submitted'>, manager: EntityManager): Promise<void> {
    const existing = await this.reviews.lockCase(manager, event.documentId);
    if (existing && existing.eventSeq >= event.sequence) return;
    const now = new Date(event.occurredAt);
    const reviewCase = Object.assign(existing ?? new ReviewCaseOrmEntity(), {
      documentId: event.documentId,
      agencyId: event.payload.agencyId,
      departmentId: event.payload.departmentId,
      authorId: event.payload.authorId,
      submitterId: event.payload.submitterId,
      kind: event.payload.kind,
      title: event.payload.title,
      version: event.payload.version,
      contentHash: event.payload.contentHash,
      status: 'pending_l1' as const,
      eventSeq: event.sequence,
      submittedAt: now,
      stageEnteredAt: now,
    });
    await this.reviews.saveCase(manager, reviewCase);
  }
}
