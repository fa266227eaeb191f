import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { scrapedGauge } from '@sanshen/platform/core';
import { DataSource } from 'typeorm';

const STATES = ['scheduled', 'publishing', 'published', 'publish_failed', 'retracted'];

/** Publications by state for Prometheus: `publish_failed` is what a publisher must retry. */
@Injectable()
export class PublicationMetrics implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    scrapedGauge('sanshen_publications', 'Publications by state', ['state'], async () => {
      const rows = (await this.dataSource.query(`SELECT state, count(*)::int AS count FROM publications GROUP BY state`)) as {
        state: string;
        count: number;
      }[];
      const counts = new Map(STATES.map((state) => [state, 0]));
      for (const row of rows) counts.set(row.state, row.count);
      return [...counts].map(([state, value]) => ({ labels: { state }, value }));
    });
  }
}
