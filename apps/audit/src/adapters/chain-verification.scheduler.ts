import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { AUDIT_CONFIG } from '../config/audit.config.js';
import type { AuditConfig } from '../config/audit.config.js';
import { RunChainVerificationUseCase } from '../use-cases/run-chain-verification/run-chain-verification.use-case.js';

/** Looks at least this often whether a run is due (the interval itself when shorter). */
const TICK_MS = 60_000;
/** The first look, shortly after boot (a restarted service catches up on an overdue run). */
const FIRST_TICK_MS = 2_000;

/**
 * Asks for a background verification every tick; the use case decides whether one is due
 * (AUDIT_VERIFY_INTERVAL_MS after the last) and whether this replica runs it (the advisory lock).
 */
@Injectable()
export class ChainVerificationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @Inject(RunChainVerificationUseCase) private readonly verification: RunChainVerificationUseCase,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(TICK_MS, this.config.verification.intervalMs);
    this.timer = setTimeout(() => {
      void this.tick();
      this.timer = setInterval(() => void this.tick(), every);
      this.timer.unref();
    }, Math.min(FIRST_TICK_MS, every));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const run = await this.verification.start('schedule');
      if (run.started) await run.done;
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'chain verification could not start (tried again next tick)');
    } finally {
      this.ticking = false;
    }
  }
}
