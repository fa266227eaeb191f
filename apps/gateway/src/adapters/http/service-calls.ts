import { Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { ServiceClient } from '@sanshen/platform/rpc';
import type { RequestContext } from '../auth/request-context.js';

/** Sends a request to a service on behalf of the signed-in actor, with the request's correlation id. */
@Injectable()
export class ServiceCalls {
  constructor(private readonly client: ServiceClient) {}

  send<TReply, TPayload = unknown>(pattern: string, context: RequestContext, payload: TPayload): Promise<TReply> {
    return this.client.send<TReply, TPayload>(pattern, {
      actor: context.actor,
      correlationId: context.correlationId,
      payload,
    });
  }

  /**
   * A decision on a document that its service authorizes in full (review's 三审: only a reviewer the
   * task is for, by role and scope or a delegation in force, gets it through — and they may read the
   * document), sent without first asking drafting whether the caller may read it, as @DocumentRoute
   * does. A refusal goes back only to a caller who may read the document: to anyone else the answer
   * is drafting's 404 DOCUMENT.NOT_FOUND, as on every document route. Nothing changed either way.
   */
  async decide<TReply, TPayload extends { documentId: string }>(pattern: string, context: RequestContext, payload: TPayload): Promise<TReply> {
    try {
      return await this.send<TReply, TPayload>(pattern, context, payload);
    } catch (error) {
      if (error instanceof DomainError) await this.send(DRAFTING_RPC.access, context, { documentId: payload.documentId });
      throw error;
    }
  }
}
