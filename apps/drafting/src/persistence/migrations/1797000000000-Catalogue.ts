import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Managed columns (栏目) and the 政府信息公开目录 (issue #12, points 8 and 9): per agency its catalogue
 * settings (机构代码, 索引号 pattern, 主题分类 list) and columns (code, name, order, retired), and the
 * 索引号 of every document that was pushed, from a gapless counter per (agency, scope, year).
 */
export class Catalogue1797000000000 implements MigrationInterface {
  name = 'Catalogue1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE catalogue_settings (
      agency_id uuid PRIMARY KEY,
      agency_code text NOT NULL,
      index_pattern text NOT NULL,
      topics jsonb NOT NULL,
      updated_by text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE site_columns (
      agency_id uuid NOT NULL REFERENCES catalogue_settings (agency_id),
      code text NOT NULL,
      name text NOT NULL,
      position integer NOT NULL,
      retired_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, code),
      UNIQUE (agency_id, name)
    )`);
    await runner.query(`CREATE TABLE index_serials (
      agency_id uuid NOT NULL,
      scope text NOT NULL,
      year integer NOT NULL,
      last_serial integer NOT NULL,
      PRIMARY KEY (agency_id, scope, year)
    )`);
    await runner.query(`CREATE TABLE index_numbers (
      document_id uuid PRIMARY KEY,
      agency_id uuid NOT NULL,
      column_code text NOT NULL,
      year integer NOT NULL,
      serial integer NOT NULL,
      index_number text NOT NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, index_number)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE index_numbers');
    await runner.query('DROP TABLE index_serials');
    await runner.query('DROP TABLE site_columns');
    await runner.query('DROP TABLE catalogue_settings');
  }
}
