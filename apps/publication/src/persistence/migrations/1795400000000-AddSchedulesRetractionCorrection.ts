import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 定时发布 (schedules keyed by document + version, set before the version is cleared), 撤稿 (the
 * publisher's request and the principal's authorization on the publication) and 更正 (when a drafter
 * reopened a published version).
 */
export class AddSchedulesRetractionCorrection1795400000000 implements MigrationInterface {
  name = 'AddSchedulesRetractionCorrection1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE publication_schedules (
      document_id uuid NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      agency_id text NOT NULL,
      publish_at timestamptz NOT NULL,
      set_by text NOT NULL,
      set_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, version)
    )`);
    await queryRunner.query(`ALTER TABLE publications
      ADD COLUMN retract_reason text,
      ADD COLUMN retract_requested_by text,
      ADD COLUMN retract_requested_at timestamptz,
      ADD COLUMN retract_authorized_by text,
      ADD COLUMN retracted_at timestamptz,
      ADD COLUMN correction_started_at timestamptz,
      ADD COLUMN correction_started_by text`);
    await queryRunner.query(`CREATE INDEX publications_scheduled ON publications (scheduled_at) WHERE state = 'scheduled'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX publications_scheduled');
    await queryRunner.query(`ALTER TABLE publications
      DROP COLUMN retract_reason, DROP COLUMN retract_requested_by, DROP COLUMN retract_requested_at,
      DROP COLUMN retract_authorized_by, DROP COLUMN retracted_at,
      DROP COLUMN correction_started_at, DROP COLUMN correction_started_by`);
    await queryRunner.query('DROP TABLE publication_schedules');
  }
}
