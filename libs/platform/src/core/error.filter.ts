import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { DomainError, domainErrorFromBody } from '@sanshen/kernel';
import type { ErrorBody, ErrorKind } from '@sanshen/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { correlationIdFrom } from './logging.js';
import { isOutage } from './outage.js';
import { ROOT_LOGGER } from './tokens.js';

const STATUS_OF_KIND = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorKind, number>;

export function httpStatusOf(error: DomainError): number {
  return STATUS_OF_KIND[error.kind];
}

/** Framework errors named precisely by their HTTP status (malformed JSON, unknown route, too large). */
function fromHttpStatus(status: number): DomainError | null {
  switch (status) {
    case 400:
      return new DomainError('REQUEST.INVALID');
    case 404:
      return new DomainError('ROUTE.NOT_FOUND');
    case 413:
      return new DomainError('REQUEST.TOO_LARGE');
    case 415:
      return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    case 429:
      return new DomainError('REQUEST.RATE_LIMITED');
    default:
      return null;
  }
}

/** Seconds a client is told to wait (`Retry-After`) when a service, database or broker is out. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A refusal, a framework error named by its status, a refusal wrapped in another object (an
 * RpcException), or an outage of a dependency (SERVICE.UNAVAILABLE); null for anything else.
 */
function toDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) return fromHttpStatus(exception.getStatus());
  const wrapped = domainErrorFromBody(exception);
  if (wrapped) return wrapped;
  if (isOutage(exception)) return new DomainError('SERVICE.UNAVAILABLE', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? fromHttpStatus(status) : null;
}

/** The cause of an outage stays in the log; the caller only learns that it should retry. */
function logOutage(logger: Logger, exception: unknown, domain: DomainError, correlationId: string | undefined): void {
  if (exception !== domain && domain.code === 'SERVICE.UNAVAILABLE') logger.warn({ err: exception, correlationId }, 'dependency unavailable');
}

/**
 * The one place errors leave a service. Over NATS a refusal travels as {code, message, details};
 * over HTTP its kind decides the status. Anything else is INTERNAL with an errorId: logged in full,
 * shown to nobody.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') {
      const domain = toDomainError(exception);
      const data = host.switchToRpc().getData<{ correlationId?: string } | undefined>();
      if (domain) {
        logOutage(this.logger, exception, domain, data?.correlationId);
        return throwError(() => domain.toBody());
      }
      return throwError(() => internalError(this.logger, exception, data?.correlationId));
    }
    const http = host.switchToHttp();
    void sendHttpError(this.logger, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception);
  }
}

/**
 * Answers an HTTP caller with an error: a refusal (or a framework error named by its status) as its
 * code and Chinese message, with `Retry-After` when it says when to try again; anything else as
 * INTERNAL with an errorId, logged in full. Also for Fastify routes outside Nest (the operators' console).
 */
export function sendHttpError(logger: Logger, request: FastifyRequest, reply: FastifyReply, exception: unknown): FastifyReply {
  const raw = request.raw as typeof request.raw & { id?: unknown };
  const correlationId = correlationIdFrom(raw.id ?? request.headers['x-correlation-id']);
  const domain = toDomainError(exception);
  if (domain) {
    logOutage(logger, exception, domain, correlationId);
    const body = domain.toBody();
    const retryAfterSeconds = setRetryAfter(reply, domain);
    if (retryAfterSeconds !== undefined) body.details = { ...body.details, retryAfterSeconds };
    return reply.status(httpStatusOf(domain)).send({ ...body, correlationId });
  }
  return reply.status(500).send({ ...internalError(logger, exception, correlationId, request.url), correlationId });
}

/**
 * `Retry-After` from a refusal's `details.retryAfterSeconds` (rate limits), or, for a 503 (a
 * service, database or broker out of reach), UNAVAILABLE_RETRY_AFTER_SECONDS. Returns the seconds set.
 */
export function setRetryAfter(reply: FastifyReply, error: DomainError): number | undefined {
  const given = error.details?.retryAfterSeconds;
  const seconds = typeof given === 'number' ? given : error.kind === 'unavailable' ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
  if (seconds !== undefined) void reply.header('Retry-After', seconds);
  return seconds;
}

function internalError(logger: Logger, exception: unknown, correlationId: string | undefined, url?: string): ErrorBody {
  const errorId = randomUUID();
  logger.error({ err: exception, errorId, correlationId, url }, 'unhandled error');
  return { code: 'INTERNAL', message: '系统内部错误', details: { errorId } };
}
