import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule, ExecutionContext } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { DomainError } from '@sanshen/kernel';

export const CORRELATION_HEADER = 'x-correlation-id';

export function createRootLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'], censor: '[redacted]' },
  });
}

/** Accepts a caller's correlation id when it is a sane token; otherwise makes one. */
export function correlationIdFrom(value: unknown): string {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

function correlationIdOfMessage(context: ExecutionContext): string {
  const data = context.switchToRpc().getData<{ correlationId?: unknown } | undefined>();
  return correlationIdFrom(data?.correlationId);
}

/**
 * JSON logs for HTTP and for NATS message handlers, each line carrying the correlation id: taken from
 * X-Correlation-Id (echoed back) or from the RPC request body that the gateway fills from it.
 */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      // Fastify has set req.id from X-Correlation-Id already (see bootstrapService).
      genReqId: (req: IncomingMessage) => correlationIdFrom((req as IncomingMessage & { id?: unknown }).id ?? req.headers[CORRELATION_HEADER]),
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || /^\/health(\/|$)/.test(req.url ?? '') },
    },
    microservice: {
      // Every answered message is a line at debug (off the hot path by default: several per decision);
      // a refusal (DomainError) is an answer, not a failure of the service: info; anything else: error.
      customLogLevel: (_context: ExecutionContext, error?: Error) =>
        error === undefined ? 'debug' : error instanceof DomainError ? 'info' : 'error',
      genReqId: correlationIdOfMessage,
      customProps: (context: ExecutionContext) => ({ correlationId: correlationIdOfMessage(context) }),
    },
  });
}
