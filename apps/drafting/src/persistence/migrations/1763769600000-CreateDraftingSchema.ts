import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDraftingSchema1763769600000 implements MigrationInterface {
  name = 'CreateDraftingSchema1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE documents (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      agency_name text NOT NULL,
      department_id uuid NOT NULL,
      author_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('annual_report', 'article')),
      title text NOT NULL,
      year integer,
      status text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      content_hash text NOT NULL,
      event_seq integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX documents_agency_status ON documents (agency_id, status, updated_at DESC)`);
    await runner.query(
      `CREATE UNIQUE INDEX documents_one_report_per_year ON documents (agency_id, year) WHERE kind = 'annual_report'`,
    );
    await runner.query(`CREATE TABLE document_versions (
      document_id uuid NOT NULL REFERENCES documents (id),
      version integer NOT NULL,
      content jsonb NOT NULL,
      content_hash text NOT NULL,
      title text NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, version)
    )`);
    for (const statement of MESSAGING_TABLES_UP) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_DOWN) await runner.query(statement);
    await runner.query('DROP TABLE document_versions');
    await runner.query('DROP TABLE documents');
  }
}
