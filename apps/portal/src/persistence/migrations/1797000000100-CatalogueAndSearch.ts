import type { MigrationInterface, QueryRunner } from 'typeorm';
import { indexTerms, plainText } from '../../use-cases/search-pages/search-tokens.js';

/**
 * Columns, the 政府信息公开目录 metadata and site search (issue #12): a page keeps its column's code and
 * the pushed catalogue entry (null for pushes from before them), its text and its search terms
 * (CJK unigrams and bigrams, GIN-indexed: see search-tokens.ts for why not pg_trgm). Existing pages get
 * their text and terms here.
 */
export class CatalogueAndSearch1797000000100 implements MigrationInterface {
  name = 'CatalogueAndSearch1797000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE pages ADD COLUMN column_code text, ADD COLUMN catalogue jsonb');
    await runner.query(`ALTER TABLE pages ADD COLUMN search_text text NOT NULL DEFAULT '', ADD COLUMN search_tokens text[] NOT NULL DEFAULT '{}'`);
    const rows = (await runner.query('SELECT id, title, html FROM pages')) as { id: string; title: string; html: string }[];
    for (const row of rows) {
      const text = plainText(row.html);
      await runner.query('UPDATE pages SET search_text = $2, search_tokens = $3 WHERE id = $1', [row.id, text, indexTerms(`${row.title} ${text}`)]);
    }
    await runner.query('CREATE INDEX pages_search_tokens ON pages USING gin (search_tokens) WHERE superseded_at IS NULL');
    await runner.query('CREATE INDEX pages_agency_column ON pages (agency_id, column_code, first_published_at DESC) WHERE superseded_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX pages_agency_column');
    await runner.query('DROP INDEX pages_search_tokens');
    await runner.query('ALTER TABLE pages DROP COLUMN search_tokens, DROP COLUMN search_text, DROP COLUMN catalogue, DROP COLUMN column_code');
  }
}
