import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { scrapedGauge } from '@sanshen/platform/core';
import { DataSource } from 'typeorm';

const LEVEL_OF_STATUS: Record<string, string> = { pending_l1: '1', pending_l2: '2', pending_l3: '3' };

/**
 * The review backlog for Prometheus: open tasks by level, and the overdue ones (reminded: open
 * REVIEW_REMINDER_DAYS working days or more; escalated: REVIEW_ESCALATION_DAYS).
 */
@Injectable()
export class ReviewMetrics implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    scrapedGauge('sanshen_review_tasks_open', 'Documents waiting for a review sign-off, by level', ['level'], async () => {
      const rows = (await this.dataSource.query(
        `SELECT status, count(*)::int AS count FROM review_cases WHERE status IN ('pending_l1', 'pending_l2', 'pending_l3') GROUP BY status`,
      )) as { status: string; count: number }[];
      const counts = new Map(Object.values(LEVEL_OF_STATUS).map((level) => [level, 0]));
      for (const row of rows) counts.set(LEVEL_OF_STATUS[row.status] ?? row.status, row.count);
      return [...counts].map(([level, value]) => ({ labels: { level }, value }));
    });
    scrapedGauge('sanshen_review_tasks_overdue', 'Open review tasks past their due date, by stage (reminded, escalated)', ['stage'], async () => {
      const [row] = (await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE reminded_at IS NOT NULL)::int AS reminded, count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated
           FROM review_cases WHERE status IN ('pending_l1', 'pending_l2', 'pending_l3')`,
      )) as { reminded: number; escalated: number }[];
      return [
        { labels: { stage: 'reminded' }, value: row?.reminded ?? 0 },
        { labels: { stage: 'escalated' }, value: row?.escalated ?? 0 },
      ];
    });
  }
}
