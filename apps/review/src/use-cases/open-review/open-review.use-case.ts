import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEvent, EventEnvelope } from '@sanshen/contracts';
import { systemActor } from '@sanshen/kernel';
import type { ReviewLevel } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import { EventOutbox } from '@sanshen/platform';
import type { EntityManager } from 'typeorm';
import type { ReviewCase, ReviewSignature } from '../../domain/review-case.js';
import { ReviewRepository } from '../../persistence/review.repository.js';

const PENDING = { 1: 'pending_l1', 2: 'pending_l2', 3: 'pending_l3' } as const;

/**
 * On `submitted`, review takes the document over and the 一审 task opens for its department head —
 * unless the version is the very one a reviewer returned (same version, same content hash): then it
 * resumes at the level that returned it, re-emitting no approval but one `resumed` event per level
 * whose still-valid signature it carries forward (the ledger checks each one is bound to this hash).
 * A changed document is a new version: its signatures are void and review starts again at level 1.
 * The task's reminder and escalation come from the sweep, which reads the case (SweepRemindersUseCase).
 */
@Injectable()
export class OpenReviewUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** The document's case, locked: what `execute` reads first. */
  lock(event: EventEnvelope, manager: EntityManager): Promise<ReviewCase | null> {
    return this.reviews.lockCase(manager, event.documentId);
  }

  /**
   * `existing`: what `lock` read in this transaction (the consumer reads it along with the inbox
   * statement). The case goes back behind: the consumer's COMMIT confirms it.
   */
  async execute(event: DocumentEvent<'submitted'>, manager: EntityManager, existing: ReviewCase | null): Promise<void> {
    if (existing && existing.eventSeq >= event.sequence) return;
    const { version, contentHash } = event.payload;
    const carried = existing ? await this.carriedSignatures(manager, existing, version, contentHash) : [];
    const resumeAt = (carried.length + 1) as ReviewLevel;
    const now = new Date();
    const reviewCase: ReviewCase = Object.assign(existing ?? {}, {
      documentId: event.documentId,
      agencyId: event.payload.agencyId,
      departmentId: event.payload.departmentId,
      authorId: event.payload.authorId,
      submitterId: event.payload.submitterId,
      submitterName: event.actor.displayName ?? '',
      kind: event.payload.kind,
      title: event.payload.title,
      version,
      contentHash,
      status: PENDING[resumeAt],
      eventSeq: event.sequence + carried.length,
      submittedAt: new Date(event.occurredAt),
      stageEnteredAt: carried.length > 0 ? now : new Date(event.occurredAt),
      returnedLevel: null,
      remindedAt: null,
      escalatedAt: null,
    });
    writeBehind(manager, existing ? this.reviews.updateCase(manager, reviewCase) : this.reviews.insertCase(manager, reviewCase));
    if (carried.length > 0) {
      await this.outbox.emit(
        manager,
        carried.map((signature, index) => ({
          type: documentEventName('resumed'),
          documentId: event.documentId,
          sequence: event.sequence + index + 1,
          actor: systemActor(event.payload.agencyId),
          correlationId: event.correlationId,
          causationId: event.id,
          payload: { version, contentHash, level: signature.level, signerId: signature.signerId, signerName: signature.signerName },
          occurredAt: now,
        })),
      );
    }
  }

  /**
   * The signatures an unchanged resubmission carries: for a version returned to the drafter at level
   * N with this very content, the standing approval of each level below N. None otherwise.
   */
  private async carriedSignatures(
    manager: EntityManager,
    existing: ReviewCase,
    version: number,
    contentHash: string,
  ): Promise<ReviewSignature[]> {
    const returnedAt = existing.returnedLevel;
    if (returnedAt === null || returnedAt === 1 || existing.version !== version || existing.contentHash !== contentHash) return [];
    const approvals = await this.reviews.approvalsOf(manager, existing.documentId, version);
    const carried: ReviewSignature[] = [];
    for (let level = 1; level < returnedAt; level += 1) {
      const standing = approvals.filter((approval) => approval.level === level && approval.contentHash === contentHash).at(-1);
      if (standing === undefined) return [];
      carried.push(standing);
    }
    return carried;
  }
}
