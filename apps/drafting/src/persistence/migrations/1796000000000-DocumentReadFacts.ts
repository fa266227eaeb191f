import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the visibility policy needs beyond agency and department: whether a document has ever reached
 * secrecy review (its secrecy officers read it from then on) and ever been cleared (its publishers
 * read it from then on). Both only ever turn true. Existing documents are filled in from their status;
 * one that secrecy returned to draft before this migration is not known to have reached it.
 * (A document under correction at migration time is not known to have been cleared either.)
 * Also the last return to the drafter (review or secrecy: who, when, why, which level), shown on the
 * document itself. A discarded draft (删除草稿) no longer holds its annual-report year. Each version
 * keeps the content-check findings counted at its submission and the drafter's explanations of the
 * blocking ones.
 */
export class DocumentReadFacts1796000000000 implements MigrationInterface {
  name = 'DocumentReadFacts1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE documents
      ADD COLUMN reached_secrecy boolean NOT NULL DEFAULT false,
      ADD COLUMN cleared boolean NOT NULL DEFAULT false,
      ADD COLUMN last_return jsonb`);
    await runner.query(`ALTER TABLE document_versions
      ADD COLUMN finding_explanations jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN finding_counts jsonb`);
    await runner.query(`UPDATE documents SET
      reached_secrecy = status IN ('pending_secrecy', 'approved', 'publishing', 'published', 'publish_failed', 'retracted'),
      cleared = status IN ('approved', 'publishing', 'published', 'publish_failed', 'retracted')`);
    await runner.query('DROP INDEX documents_one_report_per_year');
    await runner.query(`CREATE UNIQUE INDEX documents_one_report_per_year ON documents (agency_id, year) WHERE kind = 'annual_report' AND status <> 'discarded'`);
    await runner.query(`CREATE INDEX documents_by_department ON documents (agency_id, department_id, updated_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX documents_one_report_per_year');
    await runner.query(`CREATE UNIQUE INDEX documents_one_report_per_year ON documents (agency_id, year) WHERE kind = 'annual_report'`);
    await runner.query('DROP INDEX documents_by_department');
    await runner.query('ALTER TABLE document_versions DROP COLUMN finding_counts, DROP COLUMN finding_explanations');
    await runner.query('ALTER TABLE documents DROP COLUMN last_return, DROP COLUMN cleared, DROP COLUMN reached_secrecy');
  }
}
