import { Inject, Injectable } from '@nestjs/common';
import { PUBLICATION_RPC, SECRECY_RPC } from '@sanshen/contracts';
import type { ApprovalSheetReply, ApprovalSheetRequest, ApprovalSheetSignature, ApprovalSheetView, PublicationView, SecrecyReviewView } from '@sanshen/contracts';
import { DomainError, LEVEL_LABELS, signedAs } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import { renderApprovalSheet } from '../../domain/approval-sheet.html.js';
import type { RecordedSignature } from '../../domain/review-case.js';
import { ReviewRepository } from '../../persistence/review.repository.js';

function toSheetSignature(signature: RecordedSignature): ApprovalSheetSignature {
  return {
    level: signature.level,
    label: LEVEL_LABELS[signature.level],
    decision: signature.decision,
    signerId: signature.signerId,
    signerName: signature.signerName,
    onBehalfOf: signature.onBehalfOfId ? { userId: signature.onBehalfOfId, displayName: signature.onBehalfOfName ?? '' } : null,
    signedAs: signedAs(signature.signerName, signature.onBehalfOfName),
    signedAt: signature.signedAt.toISOString(),
    opinion: signature.comment,
  };
}

/**
 * The 信息发布审批单 of one version: the document, its drafter, the standing signature of each level
 * ("X 代 Y" where delegated), the content hash, and — once they exist for this very content — the
 * secrecy decision and the publication receipt (asked of their services with the caller's identity).
 */
@Injectable()
export class GetApprovalSheetUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly services: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: ApprovalSheetRequest, correlationId: string): Promise<ApprovalSheetReply> {
    const reviewCase = await this.reviews.findCase(request.documentId);
    if (reviewCase === null || reviewCase.agencyId !== actor.agencyId) throw new DomainError('DOCUMENT.NOT_FOUND');
    const version = request.version ?? reviewCase.version;
    const decisions = await this.reviews.decisionsOf(reviewCase.documentId, version);
    if (version !== reviewCase.version && decisions.length === 0) throw new DomainError('DOCUMENT.NOT_FOUND', { version });
    const contentHash = version === reviewCase.version ? reviewCase.contentHash : decisions[0]!.contentHash;
    const history = decisions.filter((decision) => decision.contentHash === contentHash).map(toSheetSignature);
    // The standing approval of each level: the last one not followed by a return that voided it.
    const levels: ApprovalSheetSignature[] = [];
    for (const level of [1, 2, 3] as const) {
      const lastApproval = history.findLastIndex((entry) => entry.level === level && entry.decision === 'approved');
      const voidedAfter = history.findLastIndex((entry) => entry.level === level + 1 && entry.decision === 'returned_previous');
      if (lastApproval !== -1 && voidedAfter < lastApproval) levels.push(history[lastApproval]!);
    }
    const [secrecy, publication] = await Promise.all([
      this.optional<SecrecyReviewView>(SECRECY_RPC.get, actor, correlationId, reviewCase.documentId),
      this.optional<PublicationView>(PUBLICATION_RPC.get, actor, correlationId, reviewCase.documentId),
    ]);
    const decision = secrecy?.decision;
    const earlierReturns = (await this.reviews.returnsBefore(reviewCase.documentId, version)).map((signature) => ({
      ...toSheetSignature(signature),
      version: signature.version,
    }));
    const sheet: ApprovalSheetView = {
      documentId: reviewCase.documentId,
      agencyName: actor.agencyName,
      title: reviewCase.title,
      kind: reviewCase.kind,
      version,
      contentHash,
      // Secrecy follows the document through every later step, so its status is the current one.
      status: secrecy?.status ?? reviewCase.status,
      departmentId: reviewCase.departmentId,
      departmentName: request.names?.departmentName ?? '',
      column: request.names?.column ?? null,
      drafter: {
        userId: reviewCase.authorId,
        displayName: reviewCase.submitterId === reviewCase.authorId ? reviewCase.submitterName : '',
      },
      submittedAt: reviewCase.submittedAt.toISOString(),
      levels,
      history,
      earlierReturns,
      secrecy:
        decision && decision.version === version && decision.contentHash === contentHash
          ? {
              conclusion: decision.conclusion,
              basis: decision.basis,
              opinion: decision.opinion,
              reviewerName: decision.reviewerName,
              decidedAt: decision.decidedAt,
            }
          : null,
      publication:
        publication?.receipt && publication.version === version && publication.receipt.contentHash === contentHash ? publication.receipt : null,
      generatedAt: new Date().toISOString(),
    };
    return { sheet, html: request.format === 'html' ? renderApprovalSheet(sheet) : null };
  }

  /** Another service's view of the document, or null when it has none (or is unreachable: logged). */
  private async optional<T>(pattern: string, actor: Actor, correlationId: string, documentId: string): Promise<T | null> {
    try {
      return await this.services.send<T>(pattern, { actor, correlationId, payload: { documentId } });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      this.logger.warn({ err: error, pattern, documentId, correlationId }, 'approval sheet: part unavailable');
      return null;
    }
  }
}
