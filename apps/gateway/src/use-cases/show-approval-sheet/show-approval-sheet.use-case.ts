import { Injectable } from '@nestjs/common';
import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import type { ApprovalSheetReply, ApprovalSheetRequest, DocumentSummaryList } from '@sanshen/contracts';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';

/**
 * The 信息发布审批单 (review renders it) with the names review does not keep: the department (科室,
 * from identity) and the 栏目 (from drafting, for a document the caller may read).
 */
@Injectable()
export class ShowApprovalSheetUseCase {
  constructor(
    private readonly services: ServiceCalls,
    private readonly organisation: OrganisationRepository,
  ) {}

  async execute(context: RequestContext, request: Omit<ApprovalSheetRequest, 'names'>): Promise<ApprovalSheetReply> {
    const summaries = await this.services.send<DocumentSummaryList>(DRAFTING_RPC.summaries, context, { documentIds: [request.documentId] });
    const summary = summaries.items[0];
    const names =
      summary === undefined
        ? undefined
        : {
            departmentName: (await this.organisation.namesOf(context.actor.agencyId, [], [summary.departmentId])).departments.get(summary.departmentId) ?? '',
            column: summary.column,
          };
    return this.services.send<ApprovalSheetReply, ApprovalSheetRequest>(REVIEW_RPC.approvalSheet, context, { ...request, ...(names ? { names } : {}) });
  }
}
