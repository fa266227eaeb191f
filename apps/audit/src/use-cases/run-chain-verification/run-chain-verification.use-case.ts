import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER, ledgerLastVerified } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';
import { AUDIT_CONFIG } from '../../config/audit.config.js';
import type { AuditConfig } from '../../config/audit.config.js';
import { GlobalChainVerifier } from '../../domain/ledger-chain.js';
import type { ChainBreak, LedgerHeadView } from '../../domain/ledger-chain.js';
import { planVerification } from '../../domain/verification-plan.js';
import type { VerificationMode } from '../../domain/verification-plan.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';
import { VerificationRunRepository } from '../../persistence/verification-run.repository.js';
import type { RunTrigger } from '../../persistence/verification-run.repository.js';

/** Entries read per chunk: one statement each, so no transaction outlives a chunk. */
export const CHUNK_SIZE = 1000;
/** The run's row is updated every this many chunks (its progress in the status). */
const PROGRESS_EVERY_CHUNKS = 20;
/** One replica at a time verifies (session advisory lock, released with the connection). */
const LOCK_KEY = 'sanshen:audit:chain-verification';

export type StartedRun = { started: false } | { started: true; runId: number; mode: VerificationMode; done: Promise<void> };

/**
 * One background verification of the global chain, full or from the last verified checkpoint
 * (planVerification). It holds a dedicated connection with a session advisory lock, so one
 * replica runs at a time, and walks the chain up to the head read at its start in chunks read by
 * keyset pagination, each its own statement: the memory is one chunk, no transaction lasts longer
 * than one, and appends carry on meanwhile (they only add entries after that head). The run's
 * row records its progress and verdict.
 */
@Injectable()
export class RunChainVerificationUseCase implements BeforeApplicationShutdown {
  private readonly logger: Logger;
  private current: { abort: boolean; done: Promise<void> } | null = null;
  private closing = false;
  /** Starts one after the other on this replica (the lock settles it between replicas). */
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(VerificationRunRepository) private readonly runs: VerificationRunRepository,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'chain-verification' });
  }

  /**
   * Starts a run if one is due (always, when an auditor asks) and none runs anywhere; resolves once
   * it is recorded as running. `done` settles when it ends and never rejects.
   */
  start(trigger: RunTrigger, requestedBy: string | null = null): Promise<StartedRun> {
    const attempt = this.starting.then(() => this.tryStart(trigger, requestedBy));
    this.starting = attempt.catch(() => undefined);
    return attempt;
  }

  private async tryStart(trigger: RunTrigger, requestedBy: string | null): Promise<StartedRun> {
    if (this.current !== null || this.closing) return { started: false };
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let locked = false;
    let handedOver = false;
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_KEY])) as { locked: boolean }[];
      locked = row?.locked === true;
      if (!locked) return { started: false };
      const manager = runner.manager;
      await this.runs.closeAbandoned(manager);
      const plan = planVerification(await this.runs.recorded(manager), new Date(), this.config.verification, trigger === 'request');
      if (!plan.run) return { started: false };
      const head = await this.ledger.head(manager);
      const runId = await this.runs.start(manager, { mode: plan.mode, trigger, requestedBy, from: plan.from, headPosition: head.position });
      const state = { abort: false, done: Promise.resolve() };
      state.done = this.walk(manager, runId, new GlobalChainVerifier(plan.from), head, state).finally(() => {
        this.current = null;
        return release(runner, true);
      });
      this.current = state;
      handedOver = true;
      this.logger.info({ runId, mode: plan.mode, trigger, from: plan.from.position, head: head.position }, 'chain verification started');
      return { started: true, runId, mode: plan.mode, done: state.done };
    } finally {
      if (!handedOver) await release(runner, locked);
    }
  }

  /**
   * Stops a run in progress between two chunks (recorded as abandoned) and waits for it, before the
   * data source closes (its pool waits for the run's connection), and starts no other.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.starting;
    const current = this.current;
    if (current === null) return;
    current.abort = true;
    await current.done;
  }

  private async walk(
    manager: EntityManager,
    runId: number,
    verifier: GlobalChainVerifier,
    head: LedgerHeadView,
    state: { abort: boolean },
  ): Promise<void> {
    const started = performance.now();
    try {
      let broken: ChainBreak | null = null;
      for (let chunk = 1; broken === null && verifier.through.position < head.position; chunk += 1) {
        if (state.abort) {
          await this.runs.finish(manager, runId, { status: 'abandoned', checked: verifier.checked, through: verifier.through });
          return;
        }
        const entries = await this.ledger.chunkAfter(manager, verifier.through.position, head.position, CHUNK_SIZE);
        for (const entry of entries) {
          broken = verifier.accept(entry);
          if (broken) break;
        }
        // Fewer entries than the head counts: finish names the missing tail.
        if (entries.length === 0) break;
        if (chunk % PROGRESS_EVERY_CHUNKS === 0) await this.runs.progress(manager, runId, verifier.checked, verifier.through);
      }
      broken ??= verifier.finish(head, await this.ledger.storedBeyondHead(manager));
      await this.runs.finish(manager, runId, { status: broken ? 'broken' : 'ok', checked: verifier.checked, through: verifier.through, broken });
      const seconds = (performance.now() - started) / 1000;
      if (broken) {
        this.logger.error({ runId, checked: verifier.checked, firstBroken: broken, seconds }, 'chain verification: the audit ledger is broken');
      } else {
        ledgerLastVerified.set(Date.now() / 1000);
        this.logger.info({ runId, checked: verifier.checked, through: verifier.through.position, seconds }, 'chain verification: the audit ledger is intact');
      }
    } catch (error: unknown) {
      this.logger.error({ err: error, runId }, 'chain verification failed (the next run starts again)');
      await this.runs
        .finish(manager, runId, { status: 'failed', checked: verifier.checked, through: verifier.through, error: error instanceof Error ? error.message : String(error) })
        .catch(() => undefined);
    }
  }
}

/** Unlocks and gives the connection back; never throws (at shutdown the pool may be gone: the lock goes with the connection). */
async function release(runner: QueryRunner, unlock: boolean): Promise<void> {
  if (runner.isReleased) return;
  if (unlock) await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]).catch(() => undefined);
  await runner.release().catch(() => undefined);
}
