import { STARTER_DICTIONARY, STARTER_EXCEPTIONS } from '@sanshen/content-checks';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scans and findings of the version under review, dispositions, referrals, and the versioned
 * dictionary (entries, exceptions, leaders) seeded with the starter set as version 1.
 */
export class AddScansAndDictionary1795309216380 implements MigrationInterface {
  name = 'AddScansAndDictionary1795309216380';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE dictionary_versions (
      version integer PRIMARY KEY,
      created_at timestamptz NOT NULL,
      created_by_id text NOT NULL,
      created_by_name text NOT NULL,
      reason text NOT NULL,
      change jsonb NOT NULL
    )`);
    await runner.query(`CREATE TABLE dictionary_entries (
      id uuid PRIMARY KEY,
      wrong text NOT NULL,
      "right" text NOT NULL,
      category text NOT NULL CHECK (category IN ('statute', 'agency', 'political', 'legal', 'typo')),
      severity text NOT NULL CHECK (severity IN ('blocking', 'warning')),
      note text,
      added_in integer NOT NULL REFERENCES dictionary_versions (version),
      removed_in integer REFERENCES dictionary_versions (version)
    )`);
    await runner.query('CREATE UNIQUE INDEX dictionary_entries_live ON dictionary_entries (wrong) WHERE removed_in IS NULL');
    await runner.query(`CREATE TABLE dictionary_exceptions (
      id uuid PRIMARY KEY,
      phrase text NOT NULL,
      reason text,
      finding_id uuid,
      added_in integer NOT NULL REFERENCES dictionary_versions (version),
      removed_in integer REFERENCES dictionary_versions (version)
    )`);
    await runner.query('CREATE UNIQUE INDEX dictionary_exceptions_live ON dictionary_exceptions (phrase) WHERE removed_in IS NULL');
    await runner.query(`CREATE TABLE leaders (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      name text NOT NULL,
      title text NOT NULL,
      from_date date NOT NULL,
      until_date date,
      added_in integer NOT NULL REFERENCES dictionary_versions (version),
      removed_in integer REFERENCES dictionary_versions (version),
      CHECK (until_date IS NULL OR until_date > from_date)
    )`);
    await runner.query('CREATE INDEX leaders_agency ON leaders (agency_id)');
    await runner.query(`CREATE TABLE secrecy_scans (
      id uuid PRIMARY KEY,
      document_id uuid NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      dictionary_version integer NOT NULL REFERENCES dictionary_versions (version),
      scanned_at timestamptz NOT NULL,
      UNIQUE (document_id, version)
    )`);
    await runner.query(`CREATE TABLE secrecy_findings (
      id uuid PRIMARY KEY,
      scan_id uuid NOT NULL REFERENCES secrecy_scans (id),
      document_id uuid NOT NULL,
      version integer NOT NULL,
      ordinal integer NOT NULL,
      section text NOT NULL,
      type text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('blocking', 'warning')),
      start_offset integer NOT NULL,
      end_offset integer NOT NULL,
      matched text NOT NULL,
      suggestion text,
      message text NOT NULL,
      disposition text CHECK (disposition IN ('fixed', 'ignored', 'whitelisted')),
      disposition_reason text,
      disposed_by_id text,
      disposed_by_name text,
      disposed_at timestamptz,
      UNIQUE (scan_id, ordinal)
    )`);
    await runner.query('CREATE INDEX secrecy_findings_document ON secrecy_findings (document_id, version)');
    await runner.query('ALTER TABLE secrecy_decisions ADD COLUMN referral_decision_id uuid, ADD COLUMN answer_reference text');
    await runner.query('ALTER TABLE secrecy_cases ADD COLUMN open_referral_id uuid');

    await runner.query(
      `INSERT INTO dictionary_versions (version, created_at, created_by_id, created_by_name, reason, change)
       VALUES (1, now(), 'system', '系统', '产品内置初始词库', $1)`,
      [JSON.stringify({ op: 'seed', kind: 'dictionary', id: null, summary: `${STARTER_DICTIONARY.length} 个词条，${STARTER_EXCEPTIONS.length} 个例外` })],
    );
    await runner.query(
      `INSERT INTO dictionary_entries (id, wrong, "right", category, severity, note, added_in)
       SELECT gen_random_uuid(), e.wrong, e."right", e.category, e.severity, e.note, 1
       FROM jsonb_to_recordset($1::jsonb) AS e(wrong text, "right" text, category text, severity text, note text)`,
      [
        JSON.stringify(
          STARTER_DICTIONARY.map((entry) => ({
            wrong: entry.wrong,
            right: entry.right,
            category: entry.category,
            severity: entry.severity ?? 'warning',
            note: entry.note ?? null,
          })),
        ),
      ],
    );
    await runner.query(
      `INSERT INTO dictionary_exceptions (id, phrase, reason, added_in)
       SELECT gen_random_uuid(), p.phrase, '产品内置', 1 FROM jsonb_to_recordset($1::jsonb) AS p(phrase text)`,
      [JSON.stringify(STARTER_EXCEPTIONS.map((phrase) => ({ phrase })))],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE secrecy_cases DROP COLUMN open_referral_id');
    await runner.query('ALTER TABLE secrecy_decisions DROP COLUMN referral_decision_id, DROP COLUMN answer_reference');
    await runner.query('DROP TABLE secrecy_findings');
    await runner.query('DROP TABLE secrecy_scans');
    await runner.query('DROP TABLE leaders');
    await runner.query('DROP TABLE dictionary_exceptions');
    await runner.query('DROP TABLE dictionary_entries');
    await runner.query('DROP TABLE dictionary_versions');
  }
}
