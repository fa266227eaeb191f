import { Injectable, Optional } from '@nestjs/common';
import { isRole, PLATFORM_ADMIN_ROLE } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { SessionStates } from './session-states.js';
import type { EntityManager } from 'typeorm';
import { LOCKED_SQL } from './sign-in-guard.repository.js';

export interface AgencyView {
  id: string;
  code: string;
  name: string;
}

export interface DepartmentView {
  id: string;
  agencyId: string;
  name: string;
}

/** A user as admins see it; never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  departmentId: string | null;
  roles: Role[];
  oversees: string[];
  active: boolean;
  /** Locked by too many failed sign-ins (等保 登录失败处理); an admin can unlock. */
  locked: boolean;
  createdAt: string;
}

/** A user a reviewer may delegate to, as the picker shows them. */
export interface DelegateCandidate {
  id: string;
  displayName: string;
  /** Null for agency-wide people (分管领导, 主要领导). */
  departmentName: string | null;
}

export interface NewUser {
  id: string;
  /** Null for a platform administrator only. */
  agencyId: string | null;
  departmentId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  /** A one-time password: the user must change it at the first sign-in (default false). */
  mustChangePassword?: boolean;
}

export interface IdentityAuditEntry {
  agencyId: string | null;
  actor: Pick<Actor, 'userId' | 'displayName' | 'roles'>;
  action: string;
  targetType: 'agency' | 'department' | 'user' | 'identity_audit';
  targetId: string | null;
  details?: Record<string, unknown>;
  correlationId: string | null;
}

export interface IdentityAuditRecord {
  id: string;
  at: string;
  agencyId: string | null;
  actorUserId: string;
  actorName: string;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  correlationId: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  department_id: string | null;
  roles: string[] | null;
  oversees: string[] | null;
  active: boolean;
  locked: boolean;
  created_at: Date;
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.agency_id, u.department_id, u.active, u.created_at,
    (SELECT array_agg(g.role ORDER BY g.role) FROM role_grants g WHERE g.user_id = u.id) AS roles,
    (SELECT array_agg(o.department_id::text ORDER BY o.department_id) FROM deputy_oversight o WHERE o.user_id = u.id) AS oversees,
    ${LOCKED_SQL('u.username')} AS locked
  FROM users u`;

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agencyId: row.agency_id,
    departmentId: row.department_id,
    roles: (row.roles ?? []).filter(isRole),
    oversees: row.oversees ?? [],
    active: row.active,
    locked: row.locked,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The organisation as admins manage it: agencies, departments, users, role grants, deputy oversight,
 * and the identity audit trail. Writes take the use case's transaction.
 */
@Injectable()
export class OrganisationRepository {
  /** Users whose sessions a transaction in progress revoked: told to SessionStates once it commits. */
  private readonly revoking = new WeakMap<EntityManager, Set<string>>();

  constructor(
    private readonly dataSource: DataSource,
    // The operator's command line (no NATS) has none: it ends no sessions.
    @Optional() private readonly sessions?: SessionStates,
  ) {}

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const revoked = new Set<string>();
    const result = await this.dataSource.transaction((manager) => {
      this.revoking.set(manager, revoked);
      return work(manager);
    });
    for (const userId of revoked) this.sessions?.ended({ userId });
    return result;
  }

  /** A new agency; false when its code is taken. */
  async insertAgency(manager: EntityManager, agency: AgencyView): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO agencies (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [agency.id, agency.code, agency.name],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Makes a user (of no agency) a platform administrator. */
  async grantPlatformAdmin(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, PLATFORM_ADMIN_ROLE]);
  }

  /** An active user of no agency holding the platform administrator's grant. */
  async isPlatformAdmin(userId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM users u JOIN role_grants g ON g.user_id = u.id
        WHERE u.id = $1 AND u.active AND u.agency_id IS NULL AND g.role = $2`,
      [userId, PLATFORM_ADMIN_ROLE],
    )) as unknown[];
    return rows.length === 1;
  }

  async agency(id: string): Promise<AgencyView | null> {
    const rows = (await this.dataSource.query(`SELECT id, code, name FROM agencies WHERE id = $1`, [id])) as AgencyView[];
    return rows[0] ?? null;
  }

  /** Display names of the agency's users and departments among these ids (for list rows). */
  async namesOf(agencyId: string, userIds: string[], departmentIds: string[]): Promise<{ users: Map<string, string>; departments: Map<string, string> }> {
    const [users, departments] = await Promise.all([
      userIds.length === 0
        ? []
        : (this.dataSource.query(`SELECT id, display_name AS name FROM users WHERE agency_id = $1 AND id = ANY($2::uuid[])`, [agencyId, userIds]) as Promise<
            { id: string; name: string }[]
          >),
      departmentIds.length === 0
        ? []
        : (this.dataSource.query(`SELECT id, name FROM departments WHERE agency_id = $1 AND id = ANY($2::uuid[])`, [agencyId, departmentIds]) as Promise<
            { id: string; name: string }[]
          >),
    ]);
    return { users: new Map(users.map((row) => [row.id, row.name])), departments: new Map(departments.map((row) => [row.id, row.name])) };
  }

  departments(agencyId: string): Promise<DepartmentView[]> {
    return this.dataSource.query(
      `SELECT id, agency_id AS "agencyId", name FROM departments WHERE agency_id = $1 ORDER BY name`,
      [agencyId],
    ) as Promise<DepartmentView[]>;
  }

  async insertDepartment(manager: EntityManager, department: DepartmentView): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO departments (id, agency_id, name) VALUES ($1, $2, $3) ON CONFLICT (agency_id, name) DO NOTHING RETURNING id`,
      [department.id, department.agencyId, department.name],
    )) as unknown[];
    return rows.length === 1;
  }

  async listUsers(
    agencyId: string,
    filter: { locked?: boolean; departmentId?: string; active?: boolean; limit: number; after?: string },
  ): Promise<UserView[]> {
    const where = ['u.agency_id = $1'];
    const params: unknown[] = [agencyId];
    if (filter.locked !== undefined) where.push(`${LOCKED_SQL('u.username')} = ${filter.locked ? 'true' : 'false'}`);
    if (filter.active !== undefined) where.push(`u.active = ${filter.active ? 'true' : 'false'}`);
    if (filter.departmentId !== undefined) {
      params.push(filter.departmentId);
      where.push(`u.department_id = $${params.length}`);
    }
    if (filter.after !== undefined) {
      params.push(filter.after);
      where.push(`u.username > $${params.length}`);
    }
    params.push(filter.limit);
    const rows = (await this.dataSource.query(
      `${USER_SELECT} WHERE ${where.join(' AND ')} ORDER BY u.username LIMIT $${params.length}`,
      params,
    )) as UserRow[];
    return rows.map(toUserView);
  }

  /**
   * Active users of the agency other than `exceptUserId`, holding neither `admin` nor `auditor`; `q`
   * matches part of the name or the department's name. Agency-wide people first, then by department and name.
   */
  async delegateCandidates(agencyId: string, exceptUserId: string, filter: { q?: string; limit: number }): Promise<DelegateCandidate[]> {
    const pattern = filter.q === undefined ? null : `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    return (await this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", d.name AS "departmentName"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE u.agency_id = $1 AND u.active AND u.id <> $2
          AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role IN ('admin', 'auditor'))
          AND ($3::text IS NULL OR u.display_name ILIKE $3 OR d.name ILIKE $3)
        ORDER BY d.name NULLS FIRST, u.display_name, u.id
        LIMIT $4`,
      [agencyId, exceptUserId, pattern, filter.limit],
    )) as DelegateCandidate[];
  }

  async user(agencyId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserView | null> {
    const rows = (await manager.query(`${USER_SELECT} WHERE u.agency_id = $1 AND u.id = $2`, [agencyId, userId])) as UserRow[];
    return rows[0] ? toUserView(rows[0]) : null;
  }

  /** Locks the user's row for the rest of the transaction (concurrent role changes serialize). */
  async lockUser(manager: EntityManager, agencyId: string, userId: string): Promise<UserView | null> {
    const locked = (await manager.query(`SELECT id FROM users WHERE agency_id = $1 AND id = $2 FOR UPDATE`, [agencyId, userId])) as unknown[];
    if (locked.length === 0) return null;
    return this.user(agencyId, userId, manager);
  }

  async passwordHashOf(userId: string): Promise<{ username: string; passwordHash: string } | null> {
    const rows = (await this.dataSource.query(`SELECT username, password_hash FROM users WHERE id = $1 AND active`, [userId])) as {
      username: string;
      password_hash: string;
    }[];
    const row = rows[0];
    return row ? { username: row.username, passwordHash: row.password_hash } : null;
  }

  async existingUsernames(manager: EntityManager, usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = (await manager.query(`SELECT username FROM users WHERE username = ANY($1)`, [usernames])) as { username: string }[];
    return new Set(rows.map((row) => row.username));
  }

  /** False when the username is taken (checked by the unique key, so concurrent creates cannot both win). */
  async insertUser(manager: EntityManager, user: NewUser): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO users (id, agency_id, department_id, username, display_name, password_hash, password_changed_at, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.id, user.agencyId, user.departmentId, user.username, user.displayName, user.passwordHash, user.mustChangePassword ?? false],
    )) as unknown[];
    return rows.length === 1;
  }

  /** `grantedBy` is null when the operator's command line grants (no user did). */
  async grantRole(manager: EntityManager, userId: string, role: Role, grantedBy: string | null): Promise<void> {
    await manager.query(`INSERT INTO role_grants (user_id, role, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      userId,
      role,
      grantedBy,
    ]);
  }

  async revokeRole(manager: EntityManager, userId: string, role: Role): Promise<void> {
    await manager.query(`DELETE FROM role_grants WHERE user_id = $1 AND role = $2`, [userId, role]);
  }

  async setOversight(manager: EntityManager, userId: string, departmentIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM deputy_oversight WHERE user_id = $1`, [userId]);
    for (const departmentId of departmentIds) {
      await manager.query(`INSERT INTO deputy_oversight (user_id, department_id) VALUES ($1, $2)`, [userId, departmentId]);
    }
  }

  async setActive(manager: EntityManager, userId: string, active: boolean): Promise<void> {
    await manager.query(
      `UPDATE users SET active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE now() END WHERE id = $1`,
      [userId, active],
    );
  }

  /** A new password (own change or an admin's reset); a one-time password's obligation ends with it. */
  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = false WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  /** Ends every live session of the user: their tokens stop working at once. */
  async revokeSessionsOf(manager: EntityManager, userId: string, exceptSessionId?: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
      [userId, exceptSessionId ?? null],
    );
    // Forgotten after the commit; the session kept (a password change) is forgotten too: its state changed.
    const revoked = this.revoking.get(manager);
    if (revoked !== undefined) revoked.add(userId);
    else this.sessions?.ended({ userId });
  }

  async unlock(manager: EntityManager, username: string): Promise<boolean> {
    const rows = (await manager.query(`DELETE FROM sign_in_guard WHERE username = $1 RETURNING locked_at`, [username])) as {
      locked_at: Date | null;
    }[];
    return rows.some((row) => row.locked_at !== null);
  }

  async audit(manager: EntityManager, entry: IdentityAuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO identity_audit (agency_id, actor_user_id, actor_name, actor_roles, action, target_type, target_id, details, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.agencyId,
        entry.actor.userId,
        entry.actor.displayName,
        entry.actor.roles,
        entry.action,
        entry.targetType,
        entry.targetId,
        JSON.stringify(entry.details ?? {}),
        entry.correlationId,
      ],
    );
  }

  async listAudit(agencyId: string, filter: { limit: number; before?: string }): Promise<IdentityAuditRecord[]> {
    const params: unknown[] = [agencyId, filter.limit];
    let before = '';
    if (filter.before !== undefined) {
      params.push(filter.before);
      before = `AND id < $3`;
    }
    const rows = (await this.dataSource.query(
      `SELECT id::text, at, agency_id, actor_user_id, actor_name, actor_roles, action, target_type, target_id, details, correlation_id
         FROM identity_audit WHERE agency_id = $1 ${before} ORDER BY identity_audit.id DESC LIMIT $2`,
      params,
    )) as {
      id: string;
      at: Date;
      agency_id: string | null;
      actor_user_id: string;
      actor_name: string;
      actor_roles: string[];
      action: string;
      target_type: string;
      target_id: string | null;
      details: Record<string, unknown>;
      correlation_id: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      agencyId: row.agency_id,
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      actorRoles: row.actor_roles,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
      correlationId: row.correlation_id,
    }));
  }
}
