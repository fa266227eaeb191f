import { Controller, Get, Header, Injectable, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthIndicatorFunction, HealthIndicatorResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { Public } from './public-route.js';

/** Asks one dependency whether it answers: resolves (with details to show) when up, throws when down. */
export type ReadinessProbe = () => Promise<Record<string, unknown> | void>;

/**
 * The dependencies readiness waits on besides PostgreSQL, added by the kit modules that hold them
 * (RpcModule: NATS; QueuesModule: Redis), so the core knows none of them and a service is ready
 * exactly when what it composed answers (the portal, core only: PostgreSQL alone).
 */
@Injectable()
export class ReadinessChecks {
  private readonly probes: { name: string; probe: ReadinessProbe }[] = [];

  add(name: string, probe: ReadinessProbe): void {
    this.probes.push({ name, probe });
  }

  indicators(service: HealthIndicatorService): HealthIndicatorFunction[] {
    return this.probes.map(({ name, probe }) => async (): Promise<HealthIndicatorResult> => {
      const session = service.check(name);
      try {
        const details = await probe();
        return details === undefined ? session.up() : session.up(details);
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    });
  }
}

/**
 * Liveness and readiness, apart:
 * - `/health/live`: the process answers HTTP; no dependency is asked (an orchestrator restarts the
 *   service only when this fails, never because PostgreSQL or NATS is away);
 * - `/health/ready` (and `/health`, its older name): the service's PostgreSQL answers, and every
 *   dependency its kit modules added to ReadinessChecks (NATS with RpcModule, Redis with
 *   QueuesModule). 503 sends traffic elsewhere until the dependency is back.
 */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly readiness: ReadinessChecks,
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
    try {
      return await this.health.check([() => this.db.pingCheck('postgres', { timeout: 2000 }), ...this.readiness.indicators(this.indicators)]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
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
