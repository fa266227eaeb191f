import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #4: 驳回上一级 and resumption, delegations ("X 代 Y"), reminders and in-app notifications. */
export class DelegationsRemindersNotifications1795500000000 implements MigrationInterface {
  name = 'DelegationsRemindersNotifications1795500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE review_cases
      ADD COLUMN submitter_name text NOT NULL DEFAULT '',
      ADD COLUMN returned_level smallint CHECK (returned_level BETWEEN 1 AND 3),
      ADD COLUMN reminded_at timestamptz,
      ADD COLUMN escalated_at timestamptz`);
    await runner.query(`ALTER TABLE review_signatures DROP CONSTRAINT review_signatures_decision_check`);
    await runner.query(`ALTER TABLE review_signatures
      ADD CONSTRAINT review_signatures_decision_check CHECK (decision IN ('approved', 'returned', 'returned_previous')),
      ADD COLUMN on_behalf_of_id uuid,
      ADD COLUMN on_behalf_of_name text`);
    await runner.query(`CREATE TABLE review_delegations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      from_user_id uuid NOT NULL,
      from_name text NOT NULL,
      to_user_id uuid NOT NULL,
      roles text[] NOT NULL,
      department_id uuid,
      oversees uuid[] NOT NULL DEFAULT '{}',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await runner.query(`CREATE INDEX review_delegations_to ON review_delegations (to_user_id, ends_at)`);
    await runner.query(`CREATE INDEX review_delegations_from ON review_delegations (from_user_id, ends_at)`);
    await runner.query(`CREATE TABLE review_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('review_reminder', 'review_escalation')),
      document_id uuid NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
      department_id uuid NOT NULL,
      task_key text NOT NULL UNIQUE,
      title text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX review_notifications_agency ON review_notifications (agency_id, created_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE review_notifications');
    await runner.query('DROP TABLE review_delegations');
    await runner.query(`DELETE FROM review_signatures WHERE decision = 'returned_previous'`);
    await runner.query(`ALTER TABLE review_signatures DROP COLUMN on_behalf_of_name, DROP COLUMN on_behalf_of_id,
      DROP CONSTRAINT review_signatures_decision_check`);
    await runner.query(`ALTER TABLE review_signatures ADD CONSTRAINT review_signatures_decision_check CHECK (decision IN ('approved', 'returned'))`);
    await runner.query(`ALTER TABLE review_cases DROP COLUMN escalated_at, DROP COLUMN reminded_at, DROP COLUMN returned_level,
      DROP COLUMN submitter_name`);
  }
}
