import { Inject, Injectable } from '@nestjs/common';
import type { AuditChainStatusReply } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { verifyAccess } from '../../domain/ledger-access.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';
import { VerificationRunRepository } from '../../persistence/verification-run.repository.js';
import type { VerificationRun } from '../../persistence/verification-run.repository.js';
import { breakView } from '../verify-document-chain/verify-document-chain.use-case.js';

/** The global chain as the last background verification found it, with its age; auditors only. */
@Injectable()
export class GetVerificationStatusUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(VerificationRunRepository) private readonly runs: VerificationRunRepository,
  ) {}

  async execute(actor: Actor): Promise<AuditChainStatusReply> {
    const access = verifyAccess(actor);
    if (!access.ok) throw new DomainError(access.error.code, { reason: access.error.reason });
    const [latest, head] = await Promise.all([this.runs.latest(), this.ledger.head(this.dataSource.manager)]);
    return statusReply(latest, head.position, new Date());
  }
}

export function statusReply(
  latest: { finished: VerificationRun | null; running: VerificationRun | null; lastIntactFullAt: Date | null },
  headPosition: number,
  now: Date,
): AuditChainStatusReply {
  const { finished, running } = latest;
  const verifiedAt = finished?.finishedAt ?? null;
  return {
    ok: finished === null ? null : finished.status === 'ok',
    runId: finished?.id ?? null,
    mode: finished?.mode ?? null,
    verifiedAt: verifiedAt?.toISOString() ?? null,
    ageSeconds: verifiedAt === null ? null : Math.max(0, Math.floor((now.getTime() - verifiedAt.getTime()) / 1000)),
    checked: finished?.checked ?? 0,
    throughPosition: finished?.through.position ?? 0,
    throughHash: finished === null ? null : finished.through.hash,
    headPosition,
    lastFullVerifiedAt: latest.lastIntactFullAt?.toISOString() ?? null,
    ...(finished?.firstBroken ? { firstBroken: breakView(finished.firstBroken) } : {}),
    running:
      running === null
        ? null
        : { runId: running.id, mode: running.mode, startedAt: running.startedAt.toISOString(), checked: running.checked, headPosition: running.headPosition },
  };
}
