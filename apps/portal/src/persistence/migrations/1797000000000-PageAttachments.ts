import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 附件 (issue #12): each page lists its version's attachments; the bytes are in the attachment store. */
export class PageAttachments1797000000000 implements MigrationInterface {
  name = 'PageAttachments1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE pages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE pages DROP COLUMN attachments');
  }
}
