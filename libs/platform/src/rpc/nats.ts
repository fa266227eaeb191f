import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { ReadinessChecks } from '../core/health.js';
import { PROBE_TIMEOUT_MS, within } from '../core/within.js';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * The service's connection. `noAsyncTraces`: a request no longer makes two errors up front (for a
 * stack trace of the caller, should it fail), a cost every hand-over and replay request paid.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 1000, noAsyncTraces: true });
}

/** Drains the shared NATS connection when the application stops. */
@Injectable()
export class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }
}

/** Readiness waits on NATS (its round trip) in every service that holds the connection. */
@Injectable()
export class NatsReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessChecks,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  onModuleInit(): void {
    this.readiness.add('nats', async () => {
      if (this.nc.isClosed()) throw new Error('connection closed');
      return { rttMs: await within(PROBE_TIMEOUT_MS, this.nc.rtt()) };
    });
  }
}
