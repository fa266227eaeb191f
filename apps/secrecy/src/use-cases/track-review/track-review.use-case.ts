import { Injectable } from '@nestjs/common';
import { isDocumentEvent, lifecycleTypeOf } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import { isDocumentEventType, ROLES } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import { checkTransition } from '@sanshen/workflow';
import type { Performer } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { ScanVersionUseCase } from '../scan-version/scan-version.use-case.js';

const ANYONE: readonly Performer[] = [...ROLES, 'system'];

/**
 * Follows a document through review so that, when 三审 ends (`approved_l3`), secrecy knows the
 * version, its author and every reviewer who signed it, takes the document over and scans the
 * version. Every later event of the document moves the case's sequence, so that the next event
 * secrecy emits takes the document's next number.
 */
@Injectable()
export class TrackReviewUseCase {
  constructor(
    private readonly secrecy: SecrecyRepository,
    private readonly scan: ScanVersionUseCase,
  ) {}

  /** The document's case, locked: what `execute` reads first. */
  lock(event: EventEnvelope, manager: EntityManager): Promise<SecrecyCaseOrmEntity | null> {
    return this.secrecy.lockCase(manager, event.documentId);
  }

  /**
   * `existing`: what `lock` read in this transaction (the consumer reads it along with the inbox
   * statement). The case goes back behind: the consumer's COMMIT confirms it.
   */
  async execute(event: EventEnvelope, manager: EntityManager, existing: SecrecyCaseOrmEntity | null): Promise<void> {
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
        openReferralId: null,
        reachedSecrecy: existing?.reachedSecrecy ?? false,
        enteredAt: null,
      });
      writeBehind(manager, existing ? this.secrecy.updateCase(manager, secrecyCase) : this.secrecy.insertCase(manager, secrecyCase));
      return;
    }
    if (existing === null) return;
    existing.eventSeq = event.sequence;
    for (const type of ['approved_l1', 'approved_l2', 'approved_l3'] as const) {
      if (!isDocumentEvent(event, type) || event.payload.version !== existing.version) continue;
      existing.reviewSigners = [...existing.reviewSigners, { signerId: event.payload.signerId, level: event.payload.level }];
    }
    const type = lifecycleTypeOf(event.type);
    if (type !== null && isDocumentEventType(type)) {
      // The owner that emitted it already checked who may; here only where the document now stands.
      const next = checkTransition(existing.status, type, ANYONE);
      if (next.ok) existing.status = next.value;
      if (next.ok && next.value === 'pending_secrecy') {
        existing.reachedSecrecy = true;
        existing.enteredAt = new Date(event.occurredAt);
      }
    }
    writeBehind(manager, this.secrecy.updateCase(manager, existing));
    if (isDocumentEvent(event, 'approved_l3') && event.payload.version === existing.version) {
      await this.scan.tryInto(manager, existing, event.correlationId);
    }
  }
}
