import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DOCUMENT_STATUSES } from '@sanshen/kernel';
import { scrapedGauge } from '@sanshen/platform/core';
import { DataSource } from 'typeorm';

/** Every document by its state as the ledger knows it (the one place that sees all services' events). */
@Injectable()
export class AuditMetrics implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    scrapedGauge('sanshen_documents', 'Documents by lifecycle state, from the audit ledger', ['status'], async () => {
      const rows = (await this.dataSource.query(
        `SELECT state->>'status' AS status, count(*)::int AS count FROM document_state WHERE state IS NOT NULL GROUP BY 1`,
      )) as { status: string; count: number }[];
      const counts = new Map<string, number>(DOCUMENT_STATUSES.map((status) => [status, 0]));
      for (const row of rows) counts.set(row.status, row.count);
      return [...counts].map(([status, value]) => ({ labels: { status }, value }));
    });
  }
}
