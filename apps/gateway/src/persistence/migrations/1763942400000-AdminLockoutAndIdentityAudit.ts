import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in lockout (keyed by the username typed, so unknown names lock the same way and lockout
 * reveals nothing), the identity audit trail of admin and auditor actions, and user bookkeeping.
 */
export class AdminLockoutAndIdentityAudit1763942400000 implements MigrationInterface {
  name = 'AdminLockoutAndIdentityAudit1763942400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE sign_in_guard (
      username text PRIMARY KEY,
      failures timestamptz[] NOT NULL DEFAULT '{}',
      locked_at timestamptz
    )`);
    await runner.query(`CREATE TABLE identity_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      agency_id uuid,
      actor_user_id text NOT NULL,
      actor_name text NOT NULL,
      actor_roles text[] NOT NULL DEFAULT '{}',
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text,
      details jsonb NOT NULL DEFAULT '{}',
      correlation_id text
    )`);
    await runner.query(`CREATE INDEX identity_audit_agency_at ON identity_audit (agency_id, id)`);
    await runner.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    await runner.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users DROP COLUMN deactivated_at`);
    await runner.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await runner.query(`DROP TABLE identity_audit`);
    await runner.query(`DROP TABLE sign_in_guard`);
  }
}
