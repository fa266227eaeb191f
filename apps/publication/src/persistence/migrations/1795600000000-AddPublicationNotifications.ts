import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications for an agency's publishers (发布管理员): one row when a publication run ends in
 * `publish_failed`, written in the transaction that fails it. Unique per publication run, so a run
 * failed twice (it cannot be, but a replayed step might try) notifies once.
 */
export class AddPublicationNotifications1795600000000 implements MigrationInterface {
  name = 'AddPublicationNotifications1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE publication_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id text NOT NULL,
      document_id uuid NOT NULL,
      publication_id uuid NOT NULL REFERENCES publications (id),
      run integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('publish_failed')),
      title text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (publication_id, run, kind)
    )`);
    await queryRunner.query(`CREATE INDEX publication_notifications_agency ON publication_notifications (agency_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE publication_notifications');
  }
}
