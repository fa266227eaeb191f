import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { ROOT_LOGGER, correlationIdFrom, httpStatusOf } from '@sanshen/platform/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PORTAL_CONFIG } from '../config/portal.config.js';
import type { PortalConfig } from '../config/portal.config.js';
import { sendHtml } from './http-responses.js';
import { badRequestPage, errorPage, notFoundPage } from './views/pages.js';

/**
 * The push API's refusals: `{code, message, details?, correlationId}` with a Chinese message, as the
 * platform's ErrorFilter sends them, but with the push contract's statuses (see statusOf). Anything
 * that is not a DomainError is left to the platform's filter (an INTERNAL 500 with an errorId).
 */
@Catch(DomainError)
export class PushErrorFilter implements ExceptionFilter<DomainError> {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const correlationId = correlationIdFrom((request.raw as { id?: unknown }).id);
    void http.getResponse<FastifyReply>().status(statusOf(exception)).send({ ...exception.toBody(), correlationId });
  }
}

/** Public pages fail as pages: a Chinese 404, or a 500 with an errorId and nothing internal. */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const notFound =
      (exception instanceof DomainError && exception.kind === 'not_found') ||
      (exception instanceof HttpException && exception.getStatus() === 404);
    if (notFound) {
      sendHtml(reply, 404, notFoundPage(this.config.siteName));
      return;
    }
    if (exception instanceof DomainError && exception.kind === 'invalid_input') {
      sendHtml(reply, 400, badRequestPage(this.config.siteName, exception.message));
      return;
    }
    const errorId = logUnexpected(this.logger, exception, host);
    sendHtml(reply, 500, errorPage(this.config.siteName, errorId));
  }
}

function logUnexpected(logger: Logger, exception: unknown, host: ArgumentsHost): string {
  const errorId = randomUUID();
  const request = host.switchToHttp().getRequest<FastifyRequest>();
  logger.error({ err: exception, errorId, correlationId: (request.raw as { id?: unknown }).id, url: request.url }, 'unhandled error in HTTP handler');
  return errorId;
}

/**
 * HTTP status of a refusal: the platform's mapping by kind, except that PORTAL.PUSH_STALE (a 400 in
 * the catalogue: a push stamped too far from our clock) is a 409 when a newer version of the
 * document is already live.
 */
function statusOf(error: DomainError): number {
  if (error.code === 'PORTAL.PUSH_STALE' && error.details?.reason === 'superseded') return 409;
  return httpStatusOf(error);
}
