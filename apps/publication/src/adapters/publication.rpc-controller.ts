import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, PUBLICATION_RPC } from '@sanshen/contracts';
import type { PublicationRequest, PublicationView, RpcRequest } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform';
import { GetPublicationUseCase } from '../use-cases/get-publication/get-publication.use-case.js';
import { RetryPublicationUseCase } from '../use-cases/retry-publication/retry-publication.use-case.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function publicationRequest(payload: unknown): PublicationRequest {
  const documentId = (payload as Partial<PublicationRequest> | null)?.documentId;
  if (typeof documentId !== 'string' || !UUID.test(documentId)) {
    throw new DomainError('REQUEST.INVALID', { field: 'documentId' });
  }
  return { documentId };
}

@Controller()
export class PublicationRpcController {
  constructor(
    private readonly getPublication: GetPublicationUseCase,
    private readonly retryPublication: RetryPublicationUseCase,
  ) {}

  @RpcPattern(PUBLICATION_RPC.get)
  get(@Payload() request: RpcRequest<PublicationRequest>): Promise<PublicationView> {
    return this.getPublication.execute(requireActor(request), publicationRequest(request.payload));
  }

  @RpcPattern(PUBLICATION_RPC.retry)
  retry(@Payload() request: RpcRequest<PublicationRequest>): Promise<PublicationView> {
    return this.retryPublication.execute(requireActor(request), publicationRequest(request.payload), request.correlationId);
  }
}
