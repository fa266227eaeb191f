import type { Http2ServerRequest } from 'node:http2';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { activeTraceId, startTracing } from '@sanshen/telemetry';
import type { BaseConfig } from './config.js';
import { CORRELATION_HEADER, correlationIdFrom } from './logging.js';
import { migrateSchema } from './database.js';
import { describeHttpSpan, tracedServerFactory } from './http-tracing.js';
import type { DatabaseOptions } from './database.js';
import { releaseMemoryWhenIdle } from './idle-memory.js';
import { httpRequestDuration } from './metrics.js';
import { bootDeclarationsOf, databaseOptionsOf } from './module-tree.js';

export interface ServiceBootOptions {
  service: string;
  config: BaseConfig;
  /** Extra HTTP set-up (the gateway's global pipes, OpenAPI, console). */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
  bodyLimit?: number;
}

/**
 * Boots one service: Fastify for HTTP (health, metrics, its API), and whatever its kit modules
 * attach (RpcModule: the NATS request-reply server), all started before it listens. With the
 * argument `migrate` (`node dist/apps/<service>/main.js migrate`) it only migrates the service's
 * schema, prints one JSON line and exits: the migration step of a release (k8s/jobs/migrate.yaml).
 */
export async function bootstrapService(
  module: Type<unknown> | DynamicModule,
  options: ServiceBootOptions,
): Promise<INestApplication> {
  if (process.argv[2] === 'migrate') return migrateAndExit(module, options);
  const traced = options.config.tracing !== null;
  if (options.config.tracing !== null) await startTracing(options.service, options.config.tracing);
  const serverFactory = tracedServerFactory();
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({
      bodyLimit: options.bodyLimit ?? 1_048_576,
      trustProxy: options.config.trustProxy,
      // The request id is the correlation id: with tracing, the request's trace id (logs and traces
      // join); else the caller's X-Correlation-Id when sane, or a new one.
      requestIdHeader: false,
      genReqId: traced
        ? (request: IncomingMessage | Http2ServerRequest) => activeTraceId() ?? correlationIdFrom(request.headers[CORRELATION_HEADER])
        : (request: IncomingMessage | Http2ServerRequest) => correlationIdFrom(request.headers[CORRELATION_HEADER]),
      ...(serverFactory === undefined ? {} : { serverFactory: serverFactory as never }),
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('X-Correlation-Id', request.id);
      done();
    })
    .addHook('onResponse', (request, reply, done) => {
      // The route pattern (`/api/v1/documents/:id`), never the URL: bounded label values.
      const route = request.routeOptions.url ?? 'unmatched';
      httpRequestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
      if (traced) describeHttpSpan(request.raw as IncomingMessage, request.method, route, reply.statusCode);
      done();
    });
  app.enableShutdownHooks();
  if ('module' in module) for (const declared of bootDeclarationsOf(module)) declared.attach?.(app);
  await options.configure?.(app);
  await app.startAllMicroservices();
  await app.listen(options.config.port, options.config.host);
  const logger = app.get(Logger);
  releaseMemoryWhenIdle(({ beforeBytes, afterBytes, ms }) =>
    logger.debug({ msg: 'memory released while idle', rssBeforeMiB: mib(beforeBytes), rssAfterMiB: mib(afterBytes), ms: Math.round(ms) }, 'Memory'),
  );
  return app;
}

const mib = (bytes: number) => Math.round(bytes / 1_048_576);

async function migrateAndExit(module: Type<unknown> | DynamicModule, options: ServiceBootOptions): Promise<never> {
  const database = 'module' in module ? databaseOptionsOf(module) : null;
  if (database === null) throw new Error(`${options.service}: no database to migrate`);
  await runMigrationStep(options.service, options.config, database);
  process.exit(0);
}

/** Migrates one service's schema and reports it as one JSON line: `{msg: "migrated", schema, migrations}`. */
export async function runMigrationStep(service: string, config: BaseConfig, database: DatabaseOptions): Promise<void> {
  const migrations = await migrateSchema(config.databaseUrl, database);
  process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), service, msg: 'migrated', schema: database.schema, migrations })}\n`);
}
