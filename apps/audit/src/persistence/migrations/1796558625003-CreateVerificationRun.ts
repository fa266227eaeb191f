import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_WRITER_ROLE } from './1795307527889-CreateLedger.js';

/**
 * One row per background verification of the global chain (docs/audit.md "Verification"): what it
 * checked, how far the chain is intact and the first broken entry. Not part of the ledger: the
 * writer role may update a run's row while it runs.
 */
export class CreateVerificationRun1796558625003 implements MigrationInterface {
  name = 'CreateVerificationRun1796558625003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE verification_run (
        id bigserial PRIMARY KEY,
        mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'request')),
        requested_by text,
        status text NOT NULL CHECK (status IN ('running', 'ok', 'broken', 'abandoned', 'failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        from_position bigint NOT NULL CHECK (from_position >= 0),
        head_position bigint NOT NULL CHECK (head_position >= 0),
        checked bigint NOT NULL DEFAULT 0,
        through_position bigint NOT NULL CHECK (through_position >= 0),
        through_hash text NOT NULL CHECK (through_hash ~ '^[0-9a-f]{64}$'),
        broken_position bigint,
        broken_event_id text,
        broken_code text,
        broken_reason text,
        error text,
        CHECK ((status = 'running') = (finished_at IS NULL)),
        CHECK ((status = 'broken') = (broken_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX verification_run_finished ON verification_run (id) WHERE status IN ('ok', 'broken')`);
    await queryRunner.query(`CREATE INDEX verification_run_running ON verification_run (id) WHERE status = 'running'`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON TABLE verification_run TO ${AUDIT_WRITER_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE verification_run_id_seq TO ${AUDIT_WRITER_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE USAGE ON SEQUENCE verification_run_id_seq FROM ${AUDIT_WRITER_ROLE}`);
    await queryRunner.query(`REVOKE SELECT, INSERT, UPDATE ON TABLE verification_run FROM ${AUDIT_WRITER_ROLE}`);
    await queryRunner.query('DROP TABLE verification_run');
  }
}
