import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ChannelJobData, FailedDeliveryView } from '../domain/channels/channel-delivery.js';

export interface StoredDelivery extends ChannelJobData {
  id: string;
}

const JOB_COLUMNS = `id, agency_id AS "agencyId", event_id AS "eventId", document_id AS "documentId", channel,
  user_ids::text[] AS "userIds", kind, title, message`;

/**
 * The outbound deliveries (identity schema): written with the notice they carry, moved to the queue
 * after the commit, finished by the worker. What is not yet `delivered`/`skipped`/`failed` is swept
 * back into the queue, so neither Redis away nor Redis losing its data loses a delivery.
 */
@Injectable()
export class ChannelDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the caller's transaction; a delivery already recorded (the event redelivered) is kept as it is. */
  async record(manager: EntityManager, deliveries: readonly StoredDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await manager.query(
      `INSERT INTO channel_deliveries (id, agency_id, event_id, document_id, channel, user_ids, kind, title, message)
       SELECT id, agency_id, event_id, document_id, channel, user_ids::uuid[], kind, title, message
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS d(id, agency_id, event_id, document_id, channel, user_ids, kind, title, message)
       ON CONFLICT (id) DO NOTHING`,
      columnsOf(deliveries),
    );
  }

  /**
   * Deliveries to put in the queue: the pending, and the queued that have not finished for `staleMs`
   * (adding a job whose id the queue holds is a no-op; one Redis lost is added again). Oldest first.
   */
  async due(staleMs: number, limit: number): Promise<StoredDelivery[]> {
    return (await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM channel_deliveries
        WHERE state = 'pending' OR (state = 'queued' AND queued_at < now() - make_interval(secs => $1::double precision / 1000))
        ORDER BY queued_at NULLS FIRST, created_at LIMIT $2`,
      [staleMs, limit],
    )) as StoredDelivery[];
  }

  async markQueued(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE channel_deliveries SET state = 'queued', queued_at = now() WHERE id = ANY($1::text[]) AND state IN ('pending', 'queued')`,
      [ids],
    );
  }

  async finish(id: string, outcome: { state: 'delivered' | 'skipped' | 'failed'; attempts: number; reason: string | null }): Promise<void> {
    await this.dataSource.query(`UPDATE channel_deliveries SET state = $2, attempts = $3, reason = $4, finished_at = now() WHERE id = $1`, [
      id,
      outcome.state,
      outcome.attempts,
      outcome.reason === null ? null : outcome.reason.slice(0, 500),
    ]);
  }

  /** The agency's dead letters, newest first (an index, not a scan). */
  async failed(agencyId: string, limit: number): Promise<FailedDeliveryView[]> {
    return (await this.dataSource.query(
      `SELECT id, channel, document_id AS "documentId", title, kind, cardinality(user_ids) AS recipients, attempts AS "attemptsMade",
              reason, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "failedAt"
         FROM channel_deliveries WHERE agency_id = $1 AND state = 'failed' ORDER BY finished_at DESC LIMIT $2`,
      [agencyId, limit],
    )) as FailedDeliveryView[];
  }

  /** A failed delivery of this agency back to `pending`, its attempts afresh, after `release` (under the row's lock). */
  async reopen(agencyId: string, id: string, release: () => Promise<void>): Promise<'reopened' | 'not_found' | 'not_failed'> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT state FROM channel_deliveries WHERE id = $1 AND agency_id = $2 FOR UPDATE`, [id, agencyId])) as {
        state: string;
      }[];
      if (rows[0] === undefined) return 'not_found';
      if (rows[0].state !== 'failed') return 'not_failed';
      await release();
      await manager.query(`UPDATE channel_deliveries SET state = 'pending', attempts = 0, reason = NULL, queued_at = NULL, finished_at = NULL WHERE id = $1`, [id]);
      return 'reopened';
    });
  }

  /** How many deliveries wait for the queue, for the metrics. */
  async backlog(): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM channel_deliveries WHERE state = 'pending'`)) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}

function columnsOf(deliveries: readonly StoredDelivery[]): unknown[] {
  return [
    deliveries.map((d) => d.id),
    deliveries.map((d) => d.agencyId),
    deliveries.map((d) => d.eventId),
    deliveries.map((d) => d.documentId),
    deliveries.map((d) => d.channel),
    deliveries.map((d) => `{${d.userIds.join(',')}}`),
    deliveries.map((d) => d.kind),
    deliveries.map((d) => d.title),
    deliveries.map((d) => d.message),
  ];
}
