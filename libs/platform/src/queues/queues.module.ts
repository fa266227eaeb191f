import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { queuePrefix } from '@sanshen/contracts';
import { BullMQOtel } from 'bullmq-otel';
import { Redis } from 'ioredis';
import type { BaseConfig } from '../core/config.js';
import { queueMetricsProviders } from './queue-metrics.js';
import { REDIS_CONNECTION, RedisConnectionCloser, RedisReadiness } from './redis.js';

export interface QueuesOptions {
  config: BaseConfig;
  /** The BullMQ queues the service uses (its producers and `@Processor`s): registered, measured. */
  queues: readonly string[];
}

/**
 * With tracing, BullMQ's own OpenTelemetry support (bullmq-otel): adding a job is a PRODUCER span whose
 * context is kept in the job's options, and each attempt a CONSUMER span under it, active while the
 * processor runs — so a job continues the trace of the step that queued it. Nothing without tracing.
 */
export function queueTelemetry(config: Pick<BaseConfig, 'tracing'>): { telemetry?: BullMQOtel } {
  return config.tracing === null ? {} : { telemetry: new BullMQOtel({ tracerName: 'sanshen-bullmq' }) };
}

/**
 * BullMQ for a service that runs queues: one Redis connection (REDIS_CONNECTION, BullMQ's settings:
 * commands wait while Redis is away), BullMQ's root on it with the installation's key prefix, the
 * service's queues (injectable with `@InjectQueue` anywhere, traced when the service traces), their depth as `sanshen_queue_jobs`,
 * readiness on Redis, and the connection closed at shutdown after the workers and queues.
 */
@Module({})
export class QueuesModule {
  static forService(options: QueuesOptions): DynamicModule {
    const { config } = options;
    const queues = BullModule.registerQueue(...options.queues.map((name) => ({ name })));
    return {
      module: QueuesModule,
      // Global: the app's processors and use cases get the queues, and the closer runs after BullMQ's (see RedisConnectionCloser).
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [REDIS_CONNECTION],
          useFactory: (redis: Redis) => ({ connection: redis, prefix: queuePrefix(config.namespace.name), ...queueTelemetry(config) }),
        }),
        queues,
      ],
      providers: [
        { provide: REDIS_CONNECTION, useFactory: () => new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }) },
        RedisConnectionCloser,
        RedisReadiness,
        ...queueMetricsProviders(options.queues),
      ],
      exports: [REDIS_CONNECTION, queues],
    };
  }
}
