import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentitySchema1763769600000 implements MigrationInterface {
  name = 'CreateIdentitySchema1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE agencies (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE departments (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies (id),
      name text NOT NULL,
      UNIQUE (agency_id, name)
    )`);
    await runner.query(`CREATE TABLE users (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies (id),
      department_id uuid REFERENCES departments (id),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE role_grants (
      user_id uuid NOT NULL REFERENCES users (id),
      role text NOT NULL,
      granted_by uuid REFERENCES users (id),
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, role)
    )`);
    await runner.query(`CREATE TABLE deputy_oversight (
      user_id uuid NOT NULL REFERENCES users (id),
      department_id uuid NOT NULL REFERENCES departments (id),
      PRIMARY KEY (user_id, department_id)
    )`);
    await runner.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await runner.query(`CREATE TABLE refresh_tokens (
      hash text PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES sessions (id),
      used_at timestamptz,
      issued_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['refresh_tokens', 'sessions', 'deputy_oversight', 'role_grants', 'users', 'departments', 'agencies']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
