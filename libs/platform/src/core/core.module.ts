import { Injectable, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { collectDefaultMetrics, register } from 'prom-client';
import { stopTracing } from '@sanshen/telemetry';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';
import { databaseModule } from './database.js';
import type { DatabaseOptions } from './database.js';
import { ErrorFilter } from './error.filter.js';
import { HealthController, MetricsController, ReadinessChecks } from './health.js';
import { loggingModule } from './logging.js';
import { declareForBoot } from './module-tree.js';
import { ROOT_LOGGER } from './tokens.js';

export interface CoreOptions {
  service: string;
  config: BaseConfig;
  logger: Logger;
  database: DatabaseOptions;
}

/** Sends the last spans when the service stops: CoreModule is global and registered first, so this runs last. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}

/**
 * What every service stands on, and all the portal takes: its configuration (BASE_CONFIG), JSON
 * logging with the correlation id, its PostgreSQL schema (migrated under an advisory lock), health
 * (`/health/live`, `/health/ready`) and metrics (`/metrics`), and the one error filter. Nothing of
 * NATS or Redis: RpcModule, EventsModule and QueuesModule add those, and add their readiness
 * checks to ReadinessChecks.
 */
@Module({})
export class CoreModule {
  static forService(options: CoreOptions): DynamicModule {
    register.setDefaultLabels({ service: options.service });
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
    return declareForBoot(
      {
        module: CoreModule,
        global: true,
        imports: [loggingModule(options.logger), databaseModule(options.database), TerminusModule],
        controllers: [HealthController, MetricsController],
        providers: [
          { provide: BASE_CONFIG, useValue: options.config },
          { provide: ROOT_LOGGER, useValue: options.logger },
          { provide: APP_FILTER, useClass: ErrorFilter },
          ReadinessChecks,
          TracingShutdown,
        ],
        exports: [BASE_CONFIG, ROOT_LOGGER, ReadinessChecks],
      },
      { database: options.database },
    );
  }
}
