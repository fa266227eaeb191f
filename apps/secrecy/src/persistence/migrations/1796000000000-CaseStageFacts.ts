import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the visibility policy and the secrecy officer's task list need of a case: whether the document
 * ever reached secrecy review (a case is opened at submission, to follow review), and when it last
 * entered `pending_secrecy` (the task's arrival). Existing cases are filled in from their status and
 * their decisions.
 */
export class CaseStageFacts1796000000000 implements MigrationInterface {
  name = 'CaseStageFacts1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE secrecy_cases
      ADD COLUMN reached_secrecy boolean NOT NULL DEFAULT false,
      ADD COLUMN entered_at timestamptz`);
    await runner.query(`UPDATE secrecy_cases c SET reached_secrecy = true
      WHERE c.status IN ('pending_secrecy', 'approved', 'publishing', 'published', 'publish_failed', 'retracted')
         OR EXISTS (SELECT 1 FROM secrecy_decisions d WHERE d.document_id = c.document_id)`);
    await runner.query(`UPDATE secrecy_cases SET entered_at = now() WHERE status = 'pending_secrecy'`);
    await runner.query(`CREATE INDEX secrecy_cases_queue ON secrecy_cases (agency_id, entered_at) WHERE status = 'pending_secrecy'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX secrecy_cases_queue');
    await runner.query('ALTER TABLE secrecy_cases DROP COLUMN entered_at, DROP COLUMN reached_secrecy');
  }
}
