import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import { register } from 'prom-client';
import { NATS_CONNECTION } from './nats.js';
import { Public } from './public-route.js';
import { REDIS_CONNECTION } from './tokens.js';

/** `/health`: the service's PostgreSQL, NATS and, where it uses one, Redis. */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
  ) {}

  @Get('health')
  @HealthCheck()
  check() {
    const checks = [() => this.db.pingCheck('postgres', { timeout: 2000 }), () => this.natsCheck()];
    if (this.redis) checks.push(() => this.redisCheck(this.redis as Redis));
    return this.health.check(checks);
  }

  private async natsCheck(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('nats');
    if (this.nc.isClosed()) return session.down({ message: 'connection closed' });
    try {
      const rtt = await this.nc.rtt();
      return session.up({ rttMs: rtt });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async redisCheck(redis: Redis): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('redis');
    try {
      await redis.ping();
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
