import { Injectable } from '@nestjs/common';
import { isDocumentEvent } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import type { EntityManager } from 'typeorm';
import { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';

/**
 * Follows a document through review so that, when 三审 ends (`approved_l3`), secrecy knows the
 * version, its author and every reviewer who signed it, and takes the document over.
 */
@Injectable()
export class TrackReviewUseCase {
  constructor(private readonly secrecy: SecrecyRepository) {}

  async execute(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const existing = await this.secrecy.lockCase(manager, event.documentId);
    if (existing && existing.eventSeq >= event.sequence) return;
    if (isDocumentEvent(event, 'submitted')) {
      const secrecyCase = Object.assign(existing ?? new SecrecyCaseOrmEntity(), {
        documentId: event.documentId,
        agencyId: event.payload.agencyId,
        departmentId: event.payload.departmentId,
        authorId: event.payload.authorId,
        title: event.payload.title,
        version: event.payload.version,
        contentHash: event.payload.contentHash,
        status: 'pending_l1' as const,
        eventSeq: event.sequence,
        reviewSigners: existing?.version === event.payload.version ? existing.reviewSigners : [],
      });
      await this.secrecy.saveCase(manager, secrecyCase);
      return;
    }
    if (existing === null) return;
    for (const type of ['approved_l1', 'approved_l2', 'approved_l3'] as const) {
      if (!isDocumentEvent(event, type) || event.payload.version !== existing.version) continue;
      existing.reviewSigners = [...existing.reviewSigners, { signerId: event.payload.signerId, level: event.payload.level }];
      existing.status = type === 'approved_l3' ? 'pending_secrecy' : type === 'approved_l2' ? 'pending_l3' : 'pending_l2';
      existing.eventSeq = event.sequence;
      await this.secrecy.saveCase(manager, existing);
    }
  }
}
