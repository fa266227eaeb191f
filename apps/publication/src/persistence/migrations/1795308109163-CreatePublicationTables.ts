import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Publications, their push attempts, and the messaging tables (outbox, inbox, cursors, dead letters). */
export class CreatePublicationTables1795308109163 implements MigrationInterface {
  name = 'CreatePublicationTables1795308109163';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_UP) await queryRunner.query(statement);
    await queryRunner.query(`CREATE TABLE publications (
      id uuid PRIMARY KEY,
      document_id uuid NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      content_hash text NOT NULL,
      agency_id text NOT NULL,
      state text NOT NULL CHECK (state IN ('scheduled', 'publishing', 'published', 'publish_failed', 'retracted')),
      event_seq integer NOT NULL CHECK (event_seq > 0),
      run integer NOT NULL DEFAULT 0 CHECK (run >= 0),
      correlation_id text NOT NULL,
      cause_event_id uuid,
      scheduled_at timestamptz,
      receipt_url text,
      published_at timestamptz,
      receipt_content_hash text,
      failure_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT publications_one_per_version UNIQUE (document_id, version)
    )`);
    await queryRunner.query(`CREATE INDEX publications_by_document ON publications (document_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX publications_in_flight ON publications (created_at) WHERE state = 'publishing'`);
    await queryRunner.query(`CREATE TABLE publication_attempts (
      id bigserial PRIMARY KEY,
      publication_id uuid NOT NULL REFERENCES publications (id),
      attempt integer NOT NULL CHECK (attempt > 0),
      run integer NOT NULL,
      job_id text NOT NULL,
      at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('succeeded', 'retrying', 'failed')),
      http_status integer,
      error text,
      duration_ms integer NOT NULL,
      CONSTRAINT publication_attempts_numbered UNIQUE (publication_id, attempt)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE publication_attempts');
    await queryRunner.query('DROP TABLE publications');
    for (const statement of MESSAGING_TABLES_DOWN) await queryRunner.query(statement);
  }
}
