import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafting's copy of the secrecy dictionary (issue #16): the newest version the secrecy service
 * published (`dictionary.version_published`), whole, in one row. The pre-check runs the content
 * checks with it, where the content is, and names its version; nothing asks the secrecy service.
 */
export class DictionaryCopy1796600000300 implements MigrationInterface {
  name = 'DictionaryCopy1796600000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE dictionary_copy (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      version integer NOT NULL,
      entries jsonb NOT NULL,
      exceptions jsonb NOT NULL,
      leaders jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dictionary_copy');
  }
}
