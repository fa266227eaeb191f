import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { DisposeFindingRequest, GetDocumentRequest, ReferralAnswerRequest, RpcRequest, SecrecyDecisionRequest, SecrecyDecisionView, SecrecyFindingView, SecrecyReviewView, ServiceTaskList } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { ListSecrecyTasksUseCase } from '../use-cases/list-secrecy-tasks/list-secrecy-tasks.use-case.js';
import { AnswerReferralUseCase } from '../use-cases/answer-referral/answer-referral.use-case.js';
import { DecideSecrecyUseCase } from '../use-cases/decide-secrecy/decide-secrecy.use-case.js';
import { DisposeFindingUseCase } from '../use-cases/dispose-finding/dispose-finding.use-case.js';
import { GetSecrecyReviewUseCase } from '../use-cases/get-secrecy-review/get-secrecy-review.use-case.js';

@Controller()
export class SecrecyRpcController {
  constructor(
    private readonly decideSecrecy: DecideSecrecyUseCase,
    private readonly getSecrecyReview: GetSecrecyReviewUseCase,
    private readonly disposeFinding: DisposeFindingUseCase,
    private readonly answerReferral: AnswerReferralUseCase,
    private readonly listTasks: ListSecrecyTasksUseCase,
  ) {}

  @RpcPattern(SECRECY_RPC.tasks)
  tasks(@Payload() request: RpcRequest<Record<string, never>>): Promise<ServiceTaskList> {
    return this.listTasks.execute(requireActor(request));
  }

  @RpcPattern(SECRECY_RPC.decide)
  decide(@Payload() request: RpcRequest<SecrecyDecisionRequest>): Promise<SecrecyDecisionView> {
    return this.decideSecrecy.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.get)
  get(@Payload() request: RpcRequest<GetDocumentRequest>): Promise<SecrecyReviewView> {
    return this.getSecrecyReview.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.disposeFinding)
  dispose(@Payload() request: RpcRequest<DisposeFindingRequest>): Promise<SecrecyFindingView> {
    return this.disposeFinding.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.answerReferral)
  answer(@Payload() request: RpcRequest<ReferralAnswerRequest>): Promise<SecrecyDecisionView> {
    return this.answerReferral.execute(requireActor(request), request.payload, request.correlationId);
  }
}
