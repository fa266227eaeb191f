import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 附件 (issue #12): the text extracted from each attachment, keyed by the bytes' sha256. The
 * attachments themselves are part of a version's content (`content.attachments`); their bytes are in
 * the attachment store, never in PostgreSQL.
 */
export class AttachmentTexts1797000000200 implements MigrationInterface {
  name = 'AttachmentTexts1797000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE attachment_texts (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      text text,
      extracted_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE attachment_texts');
  }
}
