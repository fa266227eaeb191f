import { Injectable } from '@nestjs/common';
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
}
