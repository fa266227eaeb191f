import { Injectable } from '@nestjs/common';
import { isRole } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { RefreshTokenOrmEntity, SessionOrmEntity, UserOrmEntity } from './identity.orm-entities.js';
import { SessionStates } from './session-states.js';
import type { SessionState } from './session-states.js';

export type { SessionState } from './session-states.js';

interface ActorRow {
  id: string;
  agency_id: string | null;
  agency_name: string | null;
  department_id: string | null;
  display_name: string;
  roles: string[] | null;
  oversees: string[] | null;
}

/** The agency id of an actor who belongs to none (a platform administrator): the nil UUID. */
export const NO_AGENCY_ID = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class IdentityRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStates,
  ) {}

  findActiveUserByUsername(username: string): Promise<UserOrmEntity | null> {
    return this.dataSource.manager.findOne(UserOrmEntity, { where: { username, active: true } });
  }

  /** The user as an actor: agency, department, roles and oversight, in one query. */
  async loadActor(userId: string): Promise<Actor | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.agency_id, a.name AS agency_name, u.department_id, u.display_name,
              (SELECT array_agg(g.role ORDER BY g.role) FROM role_grants g WHERE g.user_id = u.id) AS roles,
              (SELECT array_agg(o.department_id::text) FROM deputy_oversight o WHERE o.user_id = u.id) AS oversees
         FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    )) as ActorRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      // A platform administrator belongs to no agency: an id that matches none, and no agency role.
      agencyId: row.agency_id ?? NO_AGENCY_ID,
      agencyName: row.agency_name ?? '',
      departmentId: row.department_id,
      displayName: row.display_name,
      roles: (row.roles ?? []).filter(isRole),
      oversees: row.oversees ?? [],
    };
  }

  /** A new session with its first refresh token, in one transaction. */
  async createSession(session: SessionOrmEntity, refreshHash: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SessionOrmEntity, session);
      await manager.insert(RefreshTokenOrmEntity, { hash: refreshHash, sessionId: session.id, usedAt: null });
    });
  }

  /**
   * Spends a refresh token and issues the next one. Returns the session, or `reused` when the token
   * had been spent already (it leaked: the caller revokes the session), or null when unknown.
   */
  async spendRefreshToken(hash: string, nextHash: string): Promise<SessionOrmEntity | 'reused' | null> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshTokenOrmEntity, { where: { hash }, lock: { mode: 'pessimistic_write' } });
      if (token === null) return null;
      const session = await manager.findOne(SessionOrmEntity, { where: { id: token.sessionId } });
      if (session === null) return null;
      if (token.usedAt !== null) return 'reused';
      await manager.update(RefreshTokenOrmEntity, { hash }, { usedAt: new Date() });
      await manager.insert(RefreshTokenOrmEntity, { hash: nextHash, sessionId: session.id, usedAt: null });
      return session;
    });
  }

  async sessionOfToken(hash: string): Promise<string | null> {
    const token = await this.dataSource.manager.findOne(RefreshTokenOrmEntity, { where: { hash } });
    return token?.sessionId ?? null;
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.dataSource.manager.update(SessionOrmEntity, { id: sessionId }, { revokedAt: new Date() });
    this.sessions.ended({ sessionId });
  }

  async isSessionLive(sessionId: string): Promise<boolean> {
    return (await this.sessionState(sessionId)) !== null;
  }

  /** The session's state, or null when it is revoked, expired or unknown (kept a few seconds: SessionStates). */
  sessionState(sessionId: string): Promise<SessionState | null> {
    return this.sessions.stateOf(sessionId);
  }
}
