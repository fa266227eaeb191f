import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First agency without demo data: a password set by someone else (the command line's one-time
 * password) must be changed at the first sign-in; and platform administrators, who onboard agencies
 * and belong to none (agency_id NULL, role grant `platform_admin`).
 */
export class OneTimePasswordsAndPlatformAdmins1796525936804 implements MigrationInterface {
  name = 'OneTimePasswordsAndPlatformAdmins1796525936804';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await runner.query(`ALTER TABLE users ALTER COLUMN agency_id DROP NOT NULL`);
  }

  /** Platform administrators have no agency, so going back removes them (with their sessions). */
  async down(runner: QueryRunner): Promise<void> {
    const orphans = `SELECT id FROM users WHERE agency_id IS NULL`;
    await runner.query(`DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE user_id IN (${orphans}))`);
    await runner.query(`DELETE FROM sessions WHERE user_id IN (${orphans})`);
    await runner.query(`DELETE FROM role_grants WHERE user_id IN (${orphans})`);
    await runner.query(`DELETE FROM users WHERE agency_id IS NULL`);
    await runner.query(`ALTER TABLE users ALTER COLUMN agency_id SET NOT NULL`);
    await runner.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
