import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSecrecySchema1763769600000 implements MigrationInterface {
  name = 'CreateSecrecySchema1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE secrecy_cases (
      document_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      department_id uuid NOT NULL,
      author_id uuid NOT NULL,
      title text NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      status text NOT NULL,
      event_seq integer NOT NULL,
      review_signers jsonb NOT NULL DEFAULT '[]'::jsonb
    )`);
    await runner.query(`CREATE TABLE secrecy_decisions (
      id uuid PRIMARY KEY,
      document_id uuid NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      conclusion text NOT NULL CHECK (conclusion IN ('public', 'return', 'refer')),
      basis text NOT NULL,
      opinion text NOT NULL,
      reviewer_id uuid NOT NULL,
      reviewer_name text NOT NULL,
      decided_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX secrecy_decisions_document ON secrecy_decisions (document_id, decided_at DESC)`);
    for (const statement of MESSAGING_TABLES_UP) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_DOWN) await runner.query(statement);
    await runner.query('DROP TABLE secrecy_decisions');
    await runner.query('DROP TABLE secrecy_cases');
  }
}
