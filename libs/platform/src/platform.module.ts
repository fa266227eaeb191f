import { Module } from '@nestjs/common';
import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { collectDefaultMetrics, register } from 'prom-client';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';
import { databaseModule } from './database.js';
import type { DatabaseOptions } from './database.js';
import { HealthController, MetricsController } from './health.js';
import { loggingModule } from './logging.js';
import { NATS_CONNECTION, NatsConnectionCloser, connectNats } from './nats.js';
import { ErrorFilter } from './error.filter.js';
import { RpcSignatureGuard, ServiceClient } from './rpc.js';
import { configureRequestSigning } from './request-signing.js';
import { REDIS_CONNECTION, ROOT_LOGGER } from './tokens.js';

export interface PlatformOptions {
  service: string;
  config: BaseConfig;
  logger: Logger;
  database: DatabaseOptions;
  /** Services that use BullMQ get a Redis connection (and a Redis health check). */
  redis?: boolean;
  /**
   * The service talks to NATS (events or requests); default true. Without it (the portal) there is no
   * NATS connection, no client for other services, and readiness does not depend on NATS.
   */
  nats?: boolean;
}

/** The database of each service's platform module, so the service can be migrated without starting it. */
const DATABASE_OF = new WeakMap<object, DatabaseOptions>();

/** The database options of the PlatformModule among an application module's imports, or null. */
export function databaseOptionsOf(root: DynamicModule): DatabaseOptions | null {
  const own = DATABASE_OF.get(root);
  if (own) return own;
  for (const imported of root.imports ?? []) {
    if (typeof imported === 'object' && imported !== null && 'module' in imported) {
      const found = databaseOptionsOf(imported as DynamicModule);
      if (found) return found;
    }
  }
  return null;
}

/**
 * What every service stands on: config, JSON logging, its PostgreSQL schema, the NATS connection,
 * health and metrics, the RPC error filter and a client for other services.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    register.setDefaultLabels({ service: options.service });
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
    const nats = options.nats ?? true;
    const providers: Provider[] = [
      { provide: BASE_CONFIG, useValue: options.config },
      { provide: ROOT_LOGGER, useValue: options.logger },
      { provide: APP_FILTER, useClass: ErrorFilter },
      { provide: APP_GUARD, useClass: RpcSignatureGuard },
    ];
    if (nats) {
      providers.push(
        {
          provide: NATS_CONNECTION,
          useFactory: () => connectNats(options.config.natsUrl, `sanshen-${options.service}`),
        },
        NatsConnectionCloser,
        ServiceClient,
      );
    }
    configureRequestSigning(options.config.internalTokenSecret);
    if (options.redis) {
      providers.push({
        provide: REDIS_CONNECTION,
        useFactory: () => new Redis(options.config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }),
      });
    }
    const platform: DynamicModule = {
      module: PlatformModule,
      global: true,
      imports: [loggingModule(options.logger), databaseModule(options.database), TerminusModule],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [
        BASE_CONFIG,
        ROOT_LOGGER,
        ...(nats ? [NATS_CONNECTION, ServiceClient] : []),
        ...(options.redis ? [REDIS_CONNECTION] : []),
      ],
    };
    DATABASE_OF.set(platform, options.database);
    return platform;
  }
}
