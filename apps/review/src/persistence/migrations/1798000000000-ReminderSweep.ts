import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14: reminders come from a sweep over the open tasks, not from two delayed jobs per task. The
 * sweep reads the tasks still owing a reminder or an escalation, oldest first: this index holds only
 * those (a task escalated or decided leaves it).
 */
export class ReminderSweep1798000000000 implements MigrationInterface {
  name = 'ReminderSweep1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX review_cases_awaiting_reminder ON review_cases (stage_entered_at)
      WHERE escalated_at IS NULL AND status IN ('pending_l1', 'pending_l2', 'pending_l3')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX review_cases_awaiting_reminder`);
  }
}
