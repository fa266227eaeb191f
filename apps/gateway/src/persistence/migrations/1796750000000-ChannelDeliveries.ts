import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound notice deliveries recorded in PostgreSQL, in the same transaction as the in-app notice
 * they carry: the queue (Redis) is how they are sent, not where they are kept. A delivery is
 * `pending` until it is in the queue, `queued` until its job ends, then `delivered`, `skipped` or
 * `failed` (the agency's dead letters, listed from here with an index rather than scanned in Redis).
 */
export class ChannelDeliveries1796750000000 implements MigrationInterface {
  name = 'ChannelDeliveries1796750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE channel_deliveries (
      id text PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies (id),
      event_id text NOT NULL,
      document_id text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'sms')),
      user_ids uuid[] NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      message text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'queued', 'delivered', 'skipped', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      queued_at timestamptz,
      finished_at timestamptz
    )`);
    await runner.query(`CREATE INDEX channel_deliveries_open ON channel_deliveries (queued_at NULLS FIRST, created_at) WHERE state IN ('pending', 'queued')`);
    await runner.query(`CREATE INDEX channel_deliveries_failed ON channel_deliveries (agency_id, finished_at DESC) WHERE state = 'failed'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE channel_deliveries');
  }
}
