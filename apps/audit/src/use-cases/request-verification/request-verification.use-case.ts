import { Inject, Injectable } from '@nestjs/common';
import type { AuditVerificationRunReply } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { verifyAccess } from '../../domain/ledger-access.js';
import { VerificationRunRepository } from '../../persistence/verification-run.repository.js';
import { RunChainVerificationUseCase } from '../run-chain-verification/run-chain-verification.use-case.js';

/**
 * An auditor asks for a full verification now: it starts in the background unless one already
 * runs (then that one's id is answered); the result is read from the status.
 */
@Injectable()
export class RequestVerificationUseCase {
  constructor(
    @Inject(RunChainVerificationUseCase) private readonly verification: RunChainVerificationUseCase,
    @Inject(VerificationRunRepository) private readonly runs: VerificationRunRepository,
  ) {}

  async execute(actor: Actor): Promise<AuditVerificationRunReply> {
    const access = verifyAccess(actor);
    if (!access.ok) throw new DomainError(access.error.code, { reason: access.error.reason });
    const run = await this.verification.start('request', actor.userId);
    if (run.started) return { started: true, runId: run.runId };
    return { started: false, runId: (await this.runs.latest()).running?.id ?? null };
  }
}
