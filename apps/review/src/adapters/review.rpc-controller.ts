import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { REVIEW_RPC } from '@sanshen/contracts';
import type {
  ApproveDocumentRequest,
  InboxView,
  ReturnDocumentRequest,
  ReviewDecisionView,
  RpcRequest,
  WithdrawDocumentRequest,
} from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform';
import { ApproveDocumentUseCase } from '../use-cases/approve-document/approve-document.use-case.js';
import { ListInboxUseCase } from '../use-cases/list-inbox/list-inbox.use-case.js';
import { ReturnDocumentUseCase } from '../use-cases/return-document/return-document.use-case.js';
import { WithdrawDocumentUseCase } from '../use-cases/withdraw-document/withdraw-document.use-case.js';

@Controller()
export class ReviewRpcController {
  constructor(
    private readonly approveDocument: ApproveDocumentUseCase,
    private readonly returnDocument: ReturnDocumentUseCase,
    private readonly withdrawDocument: WithdrawDocumentUseCase,
    private readonly listInbox: ListInboxUseCase,
  ) {}

  @RpcPattern(REVIEW_RPC.approve)
  approve(@Payload() request: RpcRequest<ApproveDocumentRequest>): Promise<ReviewDecisionView> {
    return this.approveDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(REVIEW_RPC.return)
  return(@Payload() request: RpcRequest<ReturnDocumentRequest>): Promise<ReviewDecisionView> {
    return this.returnDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(REVIEW_RPC.withdraw)
  withdraw(@Payload() request: RpcRequest<WithdrawDocumentRequest>): Promise<ReviewDecisionView> {
    return this.withdrawDocument.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(REVIEW_RPC.inbox)
  inbox(@Payload() request: RpcRequest<Record<string, never>>): Promise<InboxView> {
    return this.listInbox.execute(requireActor(request));
  }
}
