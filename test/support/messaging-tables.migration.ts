import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The messaging tables alone: the schema of a stand-in producer service in integration tests. */
export class MessagingTables1700000000000 implements MigrationInterface {
  name = 'MessagingTables1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_DOWN) await queryRunner.query(statement);
  }
}
