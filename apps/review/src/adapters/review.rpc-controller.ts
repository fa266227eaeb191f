import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { ApprovalSheetReply, ApprovalSheetRequest, ApproveDocumentRequest, CreateDelegationRequest, DelegatedDutiesView, DelegatesRequest, DelegatesView, DelegationListView, DelegationView, InboxView, NotificationListView, ReturnDocumentRequest, ReviewDecisionView, RevokeDelegationRequest, RpcRequest, WithdrawDocumentRequest } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { ApproveDocumentUseCase } from '../use-cases/approve-document/approve-document.use-case.js';
import { CreateDelegationUseCase } from '../use-cases/create-delegation/create-delegation.use-case.js';
import { GetApprovalSheetUseCase } from '../use-cases/get-approval-sheet/get-approval-sheet.use-case.js';
import { ListDelegatesUseCase } from '../use-cases/list-delegates/list-delegates.use-case.js';
import { ListDelegatedDutiesUseCase } from '../use-cases/list-delegated-duties/list-delegated-duties.use-case.js';
import { ListDelegationsUseCase } from '../use-cases/list-delegations/list-delegations.use-case.js';
import { ListInboxUseCase } from '../use-cases/list-inbox/list-inbox.use-case.js';
import { ListNotificationsUseCase } from '../use-cases/list-notifications/list-notifications.use-case.js';
import { ReturnDocumentUseCase } from '../use-cases/return-document/return-document.use-case.js';
import { RevokeDelegationUseCase } from '../use-cases/revoke-delegation/revoke-delegation.use-case.js';
import { WithdrawDocumentUseCase } from '../use-cases/withdraw-document/withdraw-document.use-case.js';

@Controller()
export class ReviewRpcController {
  constructor(
    private readonly approveDocument: ApproveDocumentUseCase,
    private readonly returnDocument: ReturnDocumentUseCase,
    private readonly withdrawDocument: WithdrawDocumentUseCase,
    private readonly listInbox: ListInboxUseCase,
    private readonly approvalSheet: GetApprovalSheetUseCase,
    private readonly createDelegation: CreateDelegationUseCase,
    private readonly listDelegations: ListDelegationsUseCase,
    private readonly revokeDelegation: RevokeDelegationUseCase,
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly listDelegatedDuties: ListDelegatedDutiesUseCase,
    private readonly listDelegates: ListDelegatesUseCase,
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

  @RpcPattern(REVIEW_RPC.approvalSheet)
  sheet(@Payload() request: RpcRequest<ApprovalSheetRequest>): Promise<ApprovalSheetReply> {
    return this.approvalSheet.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(REVIEW_RPC.delegate)
  delegate(@Payload() request: RpcRequest<CreateDelegationRequest>): Promise<DelegationView> {
    return this.createDelegation.execute(requireActor(request), request.payload);
  }

  @RpcPattern(REVIEW_RPC.delegations)
  delegations(@Payload() request: RpcRequest<Record<string, never>>): Promise<DelegationListView> {
    return this.listDelegations.execute(requireActor(request));
  }

  @RpcPattern(REVIEW_RPC.delegatedDuties)
  delegatedDuties(@Payload() request: RpcRequest<Record<string, never>>): Promise<DelegatedDutiesView> {
    return this.listDelegatedDuties.execute(requireActor(request));
  }

  @RpcPattern(REVIEW_RPC.delegates)
  delegates(@Payload() request: RpcRequest<DelegatesRequest>): Promise<DelegatesView> {
    return this.listDelegates.execute(requireActor(request), request.payload);
  }

  @RpcPattern(REVIEW_RPC.revokeDelegation)
  revoke(@Payload() request: RpcRequest<RevokeDelegationRequest>): Promise<DelegationView> {
    return this.revokeDelegation.execute(requireActor(request), request.payload);
  }

  @RpcPattern(REVIEW_RPC.notifications)
  notifications(@Payload() request: RpcRequest<Record<string, never>>): Promise<NotificationListView> {
    return this.listNotifications.execute(requireActor(request));
  }
}
