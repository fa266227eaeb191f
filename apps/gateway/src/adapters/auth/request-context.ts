import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { correlationIdFrom } from '@sanshen/platform/core';
import type { FastifyRequest } from 'fastify';

/** What the gateway knows of a request once it is authenticated. */
export interface RequestContext {
  actor: Actor;
  sessionId: string;
  correlationId: string;
}

export type AuthenticatedRequest = FastifyRequest & { sanshen?: { actor: Actor; sessionId: string } };


export function correlationIdOf(request: FastifyRequest): string {
  const raw = request.raw as typeof request.raw & { id?: unknown };
  return correlationIdFrom(raw.id ?? request.headers['x-correlation-id']);
}

/** The signed-in actor, the session and the correlation id of the request. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.sanshen) throw new Error('Ctx used on a public route');
  return { ...request.sanshen, correlationId: correlationIdOf(request) };
});
