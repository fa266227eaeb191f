import { Inject, Injectable } from '@nestjs/common';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { ApproveDocumentRequest, BatchApproveItem, BatchApproveResult, BatchApproveView, ReviewDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import { ServiceCalls } from '../../adapters/http/service-calls.js';

const REVIEW_ROLES: readonly Role[] = ['dept_head', 'deputy', 'principal'];

/** How many documents one batch may decide. */
export const BATCH_APPROVE_LIMIT = 50;

/**
 * 批量审批: a reviewer approves several documents in one request. Each one is decided on its own,
 * exactly as a single approval (visibility, the reviewer's duty and scope, separation of duties, the
 * version, races), one after the other; a refusal of one does not stop the others, and every item
 * gets its own result in the order given.
 */
@Injectable()
export class BatchApproveUseCase {
  constructor(
    private readonly services: ServiceCalls,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(context: RequestContext, items: BatchApproveItem[], comment: string | null): Promise<BatchApproveView> {
    const { actor } = context;
    // Only someone with a review duty (their own or delegated) has anything to approve.
    if (!REVIEW_ROLES.some((role) => actor.roles.includes(role)) && (actor.delegatedDuties ?? []).length === 0) {
      throw new DomainError('REVIEW.NOT_A_REVIEWER', undefined, '只有审核人员可以批量审批');
    }
    const results: BatchApproveResult[] = [];
    for (const item of items) results.push(await this.approveOne(context, item, comment));
    return { results };
  }

  private async approveOne(context: RequestContext, item: BatchApproveItem, comment: string | null): Promise<BatchApproveResult> {
    try {
      const decision = await this.services.decide<ReviewDecisionView, ApproveDocumentRequest>(REVIEW_RPC.approve, context, {
        documentId: item.documentId,
        version: item.version,
        comment,
        level: item.level ?? null,
      });
      return { documentId: item.documentId, ok: true, decision };
    } catch (error) {
      if (error instanceof DomainError) return { documentId: item.documentId, ok: false, error: { code: error.code, message: error.message } };
      this.logger.error({ err: error, documentId: item.documentId, correlationId: context.correlationId }, 'batch approval: one item failed');
      const internal = new DomainError('INTERNAL');
      return { documentId: item.documentId, ok: false, error: { code: internal.code, message: internal.message } };
    }
  }
}
