import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePortalPages1795307512096 implements MigrationInterface {
  name = 'CreatePortalPages1795307512096';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "portal"."pages" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "publication_id" text NOT NULL,
        "document_id" text NOT NULL,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "kind" text NOT NULL CHECK ("kind" IN ('article', 'annual_report')),
        "agency_id" text NOT NULL,
        "agency_name" text NOT NULL,
        "title" text NOT NULL,
        "column_name" text NOT NULL,
        "year" integer,
        "html" text NOT NULL,
        "data" jsonb,
        "content_hash" text NOT NULL,
        "url" text NOT NULL,
        "published_at" timestamptz NOT NULL,
        "first_published_at" timestamptz NOT NULL,
        "sent_at" timestamptz NOT NULL,
        "superseded_at" timestamptz,
        CONSTRAINT "pages_report_has_year" CHECK ("kind" <> 'annual_report' OR "year" IS NOT NULL)
      )`);
    // The idempotency key: a repeated or concurrent duplicate push cannot make a second page.
    await queryRunner.query(`CREATE UNIQUE INDEX "pages_publication_id_key" ON "portal"."pages" ("publication_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "pages_document_version_key" ON "portal"."pages" ("document_id", "version")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pages_one_live_per_document" ON "portal"."pages" ("document_id") WHERE "superseded_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "pages_live_by_date" ON "portal"."pages" ("first_published_at" DESC) WHERE "superseded_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "pages_live_by_agency" ON "portal"."pages" ("agency_id", "kind", "year") WHERE "superseded_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "portal"."retractions" (
        "document_id" text PRIMARY KEY,
        "publication_id" text NOT NULL,
        "reason" text NOT NULL,
        "retracted_at" timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "portal"."retractions"`);
    await queryRunner.query(`DROP TABLE "portal"."pages"`);
  }
}
