import { Controller, Get, Header, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthIndicatorFunction, HealthIndicatorResult } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { register } from 'prom-client';
import { NATS_CONNECTION } from './nats.js';
import { Public } from './public-route.js';
import { REDIS_CONNECTION } from './tokens.js';
import { within } from './within.js';

/** How long a readiness probe waits for NATS or Redis to answer. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Liveness and readiness, apart:
 * - `/health/live`: the process answers HTTP; no dependency is asked (an orchestrator restarts the
 *   service only when this fails, never because PostgreSQL or NATS is away);
 * - `/health/ready` (and `/health`, its older name): the service's PostgreSQL answers, and its NATS
 *   and Redis where it uses them (the portal uses no NATS; only BullMQ services hold a Redis
 *   connection). 503 sends traffic elsewhere until the dependency is back.
 */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    @Optional() @Inject(NATS_CONNECTION) private readonly nc?: NatsConnection,
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 503 with terminus's report (`details.<dependency>.status: "down"`) when a dependency does not
   * answer: answered here, since the shared error filter would make the unknown 503 an INTERNAL 500.
   */
  @Get(['health/ready', 'health'])
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('postgres', { timeout: 2000 })];
    if (this.nc) checks.push(() => this.natsCheck(this.nc as NatsConnection));
    if (this.redis) checks.push(() => this.redisCheck(this.redis as Redis));
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }

  private async natsCheck(nc: NatsConnection): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('nats');
    if (nc.isClosed()) return session.down({ message: 'connection closed' });
    try {
      const rtt = await within(PROBE_TIMEOUT_MS, nc.rtt());
      return session.up({ rttMs: rtt });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async redisCheck(redis: Redis): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('redis');
    try {
      await within(PROBE_TIMEOUT_MS, redis.ping());
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** `/metrics` in the Prometheus text format. */
@Public()
@Controller()
export class MetricsController {
  @Get('metrics')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
