import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { GetDocumentRequest, RpcRequest, SecrecyDecisionRequest, SecrecyDecisionView, SecrecyReviewView } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform';
import { DecideSecrecyUseCase } from '../use-cases/decide-secrecy/decide-secrecy.use-case.js';
import { GetSecrecyReviewUseCase } from '../use-cases/get-secrecy-review/get-secrecy-review.use-case.js';

@Controller()
export class SecrecyRpcController {
  constructor(
    private readonly decideSecrecy: DecideSecrecyUseCase,
    private readonly getSecrecyReview: GetSecrecyReviewUseCase,
  ) {}

  @RpcPattern(SECRECY_RPC.decide)
  decide(@Payload() request: RpcRequest<SecrecyDecisionRequest>): Promise<SecrecyDecisionView> {
    return this.decideSecrecy.execute(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.get)
  get(@Payload() request: RpcRequest<GetDocumentRequest>): Promise<SecrecyReviewView> {
    return this.getSecrecyReview.execute(requireActor(request), request.payload);
  }
}
