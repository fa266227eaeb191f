import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@sanshen/kernel';

@Entity({ name: 'agencies' })
export class AgencyOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'departments' })
export class DepartmentOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('text')
  name!: string;
}

@Entity({ name: 'users' })
export class UserOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Null for a platform administrator only (who belongs to no agency). */
  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('text', { unique: true })
  username!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  /** The password was set by someone else (a one-time password): only changing it is allowed. */
  @Column('boolean', { name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'role_grants' })
export class RoleGrantOrmEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  role!: Role;

  @Column('uuid', { name: 'granted_by', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt!: Date;
}

/** The departments a deputy (分管领导) oversees. */
@Entity({ name: 'deputy_oversight' })
export class DeputyOversightOrmEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('uuid', { name: 'department_id' })
  departmentId!: string;
}

/** A sign-in session; its refresh tokens (kept only as hashes) rotate on every use. */
@Entity({ name: 'sessions' })
export class SessionOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every refresh token a session was given; a used one presented again revokes the session. */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenOrmEntity {
  @PrimaryColumn('text')
  hash!: string;

  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}

export const IDENTITY_ENTITIES = [
  RefreshTokenOrmEntity,
  AgencyOrmEntity,
  DepartmentOrmEntity,
  UserOrmEntity,
  RoleGrantOrmEntity,
  DeputyOversightOrmEntity,
  SessionOrmEntity,
];
