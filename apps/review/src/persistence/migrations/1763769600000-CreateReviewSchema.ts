import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewSchema1763769600000 implements MigrationInterface {
  name = 'CreateReviewSchema1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE review_cases (
      document_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      department_id uuid NOT NULL,
      author_id uuid NOT NULL,
      submitter_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      status text NOT NULL,
      event_seq integer NOT NULL,
      submitted_at timestamptz NOT NULL,
      stage_entered_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX review_cases_open ON review_cases (agency_id, status, stage_entered_at)`);
    await runner.query(`CREATE TABLE review_signatures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
      decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
      signer_id uuid NOT NULL,
      signer_name text NOT NULL,
      comment text,
      signed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX review_signatures_document ON review_signatures (document_id, version)`);
    for (const statement of MESSAGING_TABLES_UP) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_DOWN) await runner.query(statement);
    await runner.query('DROP TABLE review_signatures');
    await runner.query('DROP TABLE review_cases');
  }
}
