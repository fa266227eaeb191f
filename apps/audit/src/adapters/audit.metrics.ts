import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DOCUMENT_STATUSES } from '@sanshen/kernel';
import { ledgerLastVerified, scrapedGauge } from '@sanshen/platform/core';
import { DataSource } from 'typeorm';
import { VerificationRunRepository } from '../persistence/verification-run.repository.js';

/**
 * Every document by its state as the ledger knows it (the one place that sees all services' events),
 * and the background verification's last verdict and age, read from its table at scrape time.
 */
@Injectable()
export class AuditMetrics implements OnApplicationBootstrap {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(VerificationRunRepository) private readonly runs: VerificationRunRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    scrapedGauge('sanshen_documents', 'Documents by lifecycle state, from the audit ledger', ['status'], async () => {
      const rows = (await this.dataSource.query(
        `SELECT state->>'status' AS status, count(*)::int AS count FROM document_state WHERE state IS NOT NULL GROUP BY 1`,
      )) as { status: string; count: number }[];
      const counts = new Map<string, number>(DOCUMENT_STATUSES.map((status) => [status, 0]));
      for (const row of rows) counts.set(row.status, row.count);
      return [...counts].map(([status, value]) => ({ labels: { status }, value }));
    });
    scrapedGauge(
      'sanshen_ledger_verification_ok',
      'The last background verification of the audit ledger: 1 intact, 0 broken (no sample before the first)',
      [],
      async () => {
        const { finished } = await this.runs.latest();
        return finished === null ? [] : [{ value: finished.status === 'ok' ? 1 : 0 }];
      },
    );
    scrapedGauge(
      'sanshen_ledger_verification_age_seconds',
      'Seconds since the last background verification of the audit ledger finished (no sample before the first)',
      [],
      async () => {
        const { finished } = await this.runs.latest();
        return finished?.finishedAt ? [{ value: (Date.now() - finished.finishedAt.getTime()) / 1000 }] : [];
      },
    );
    // A restart keeps the clock: the last intact verification is in the table.
    const { finished } = await this.runs.latest();
    if (finished?.status === 'ok' && finished.finishedAt) ledgerLastVerified.set(finished.finishedAt.getTime() / 1000);
  }
}
