import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import type { ErrorBody, ErrorKind } from '@sanshen/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { correlationIdFrom } from './logging.js';
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

function toDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) return fromHttpStatus(exception.getStatus());
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? fromHttpStatus(status) : null;
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
      if (domain) return throwError(() => domain.toBody());
      const data = host.switchToRpc().getData<{ correlationId?: string } | undefined>();
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
    setRetryAfter(reply, domain);
    return reply.status(httpStatusOf(domain)).send({ ...domain.toBody(), correlationId });
  }
  return reply.status(500).send({ ...internalError(logger, exception, correlationId, request.url), correlationId });
}

/** `Retry-After` from a refusal's `details.retryAfterSeconds` (rate limits), if it has one. */
export function setRetryAfter(reply: FastifyReply, error: DomainError): void {
  const seconds = error.details?.retryAfterSeconds;
  if (typeof seconds === 'number') void reply.header('Retry-After', seconds);
}

function internalError(logger: Logger, exception: unknown, correlationId: string | undefined, url?: string): ErrorBody {
  const errorId = randomUUID();
  logger.error({ err: exception, errorId, correlationId, url }, 'unhandled error');
  return { code: 'INTERNAL', message: '系统内部错误', details: { errorId } };
}
