import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annual reports in earnest: where a document came from (drafted here or imported from a published
 * report), the drafter's explanation of warnings at submission, and the last version that received
 * a review decision or was published (the default base of a diff).
 */
export class AnnualReportColumns1795400000000 implements MigrationInterface {
  name = 'AnnualReportColumns1795400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE documents
      ADD COLUMN origin text NOT NULL DEFAULT 'drafted' CHECK (origin IN ('drafted', 'imported')),
      ADD COLUMN warnings_explanation text,
      ADD COLUMN decided_version integer`);
    await runner.query(`CREATE INDEX documents_reports_by_year ON documents (year, agency_id) WHERE kind = 'annual_report'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX documents_reports_by_year');
    await runner.query(`ALTER TABLE documents DROP COLUMN decided_version, DROP COLUMN warnings_explanation, DROP COLUMN origin`);
  }
}
