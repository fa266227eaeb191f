import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notices (站内通知): one row per person and transition, read or not. The gateway follows every
 * document event (its own inbox and cursors, the messaging tables) and keeps what a notice needs of a
 * document: agency, department, author, title, status and the signers of the current version.
 */
export class Notices1796600000000 implements MigrationInterface {
  name = 'Notices1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_UP) await runner.query(statement);
    await runner.query(`CREATE TABLE notice_documents (
      document_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      department_id uuid NOT NULL,
      author_id uuid NOT NULL,
      title text NOT NULL,
      status text NOT NULL,
      version integer NOT NULL,
      signers uuid[] NOT NULL DEFAULT '{}'
    )`);
    await runner.query(`CREATE TABLE notices (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      document_id uuid NOT NULL,
      event_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (user_id, event_id)
    )`);
    await runner.query('CREATE INDEX notices_of_user ON notices (user_id, created_at DESC)');
    await runner.query('CREATE INDEX notices_unread ON notices (user_id) WHERE read_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notices');
    await runner.query('DROP TABLE notice_documents');
    for (const statement of MESSAGING_TABLES_DOWN) await runner.query(statement);
  }
}
