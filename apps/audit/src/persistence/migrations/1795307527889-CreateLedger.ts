import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@sanshen/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database role production runs the audit service as (docs/audit.md). Cluster-wide. */
export const AUDIT_WRITER_ROLE = 'sanshen_audit_writer';

/**
 * The ledger, its head and the ledger's per-document state, the messaging tables of the consumer,
 * and the grants of the writer role: INSERT and SELECT only on the ledger. Runs with the schema's
 * search_path, so every name below is the service schema's.
 */
export class CreateLedger1795307527889 implements MigrationInterface {
  name = 'CreateLedger1795307527889';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of MESSAGING_TABLES_UP) await queryRunner.query(statement);

    await queryRunner.query(`
      CREATE TABLE ledger_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        position bigint NOT NULL CHECK (position >= 0),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        event_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO ledger_head (id, position, hash) VALUES (1, 0, repeat('0', 64))`);

    await queryRunner.query(`
      CREATE TABLE ledger_entry (
        position bigint PRIMARY KEY CHECK (position > 0),
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        document_id uuid NOT NULL,
        sequence integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        on_behalf_of_id text,
        actor_agency_id text NOT NULL,
        envelope jsonb NOT NULL,
        canonical text NOT NULL,
        document_prev_hash text NOT NULL CHECK (document_prev_hash ~ '^[0-9a-f]{64}$'),
        document_hash text NOT NULL CHECK (document_hash ~ '^[0-9a-f]{64}$'),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        status_after text,
        violation jsonb
      )`);
    await queryRunner.query(`CREATE INDEX ledger_entry_document ON ledger_entry (document_id, position)`);
    await queryRunner.query(`CREATE INDEX ledger_entry_document_actor ON ledger_entry (document_id, actor_id)`);
    await queryRunner.query(`CREATE INDEX ledger_entry_violations ON ledger_entry (position) WHERE violation IS NOT NULL`);

    // Append-only even for the owner: the writer role has no UPDATE/DELETE grant, and this stops
    // the migrating (owner) role too. Only a superuser bypassing triggers can rewrite a row, and
    // verification then names it.
    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit ledger is append-only: % refused', TG_OP;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_entry_no_rewrite BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only()`);

    await queryRunner.query(`
      CREATE TABLE document_state (
        document_id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        state jsonb,
        entry_count integer NOT NULL CHECK (entry_count > 0),
        last_position bigint NOT NULL,
        last_event_id uuid NOT NULL,
        last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Roles are cluster-wide and several databases (test runs, environments) share a cluster:
    // create it once, tolerate a concurrent creator, and leave a role a DBA made beforehand alone.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${AUDIT_WRITER_ROLE}') THEN
          BEGIN
            CREATE ROLE ${AUDIT_WRITER_ROLE} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
          END;
        END IF;
      END
      $$`);
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${AUDIT_WRITER_ROLE}', current_schema());
      END
      $$`);
    for (const grant of WRITER_GRANTS) {
      await queryRunner.query(`GRANT ${grant.privileges} ON ${grant.object} TO ${AUDIT_WRITER_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const grant of [...WRITER_GRANTS].reverse()) {
      await queryRunner.query(`REVOKE ${grant.privileges} ON ${grant.object} FROM ${AUDIT_WRITER_ROLE}`);
    }
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${AUDIT_WRITER_ROLE}', current_schema());
      END
      $$`);
    // The role itself stays: other databases of the cluster may still grant to it.
    await queryRunner.query('DROP TABLE document_state');
    await queryRunner.query('DROP TABLE ledger_entry');
    await queryRunner.query('DROP FUNCTION ledger_entry_append_only()');
    await queryRunner.query('DROP TABLE ledger_head');
    for (const statement of MESSAGING_TABLES_DOWN) await queryRunner.query(statement);
  }
}

/**
 * Exactly what the running service needs. The ledger: INSERT and SELECT only. The head: SELECT …
 * FOR UPDATE and UPDATE. The consumer's inbox (insert … returning), cursor (lock + upsert) and dead
 * letters (insert). The migrations table: TypeORM reads it at boot to find nothing pending.
 */
const WRITER_GRANTS: readonly { privileges: string; object: string }[] = [
  { privileges: 'SELECT, INSERT', object: 'TABLE ledger_entry' },
  { privileges: 'SELECT, UPDATE', object: 'TABLE ledger_head' },
  { privileges: 'SELECT, INSERT, UPDATE', object: 'TABLE document_state' },
  { privileges: 'SELECT, INSERT', object: 'TABLE inbox' },
  { privileges: 'SELECT, INSERT, UPDATE', object: 'TABLE consumer_cursor' },
  { privileges: 'INSERT', object: 'TABLE dead_letter' },
  { privileges: 'USAGE', object: 'SEQUENCE dead_letter_id_seq' },
  { privileges: 'SELECT', object: 'TABLE migrations' },
];
