import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** 等保 登录失败处理: this many failures within the window lock the username. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
/** A lock lifts by itself after this long (so nobody can lock an account for good), or when an admin unlocks it. */
export const LOCKOUT_DURATION_MINUTES = 30;

const WINDOW = `interval '${LOCKOUT_WINDOW_MINUTES} minutes'`;
const DURATION = `interval '${LOCKOUT_DURATION_MINUTES} minutes'`;

/**
 * Failed sign-ins, counted in the database and keyed by the username as typed — unknown usernames
 * lock exactly like real ones, so the lockout does not reveal which names exist. Each failure is one
 * upsert on the username's row: concurrent failures serialize on that row and none is lost.
 */
@Injectable()
export class SignInGuardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isLocked(username: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM sign_in_guard WHERE username = $1 AND locked_at > now() - ${DURATION}`,
      [username],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Records one failure; says whether the username is now locked and whether this failure locked it. */
  async recordFailure(username: string): Promise<{ locked: boolean; justLocked: boolean }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO sign_in_guard AS g (username, failures) VALUES ($1, ARRAY[now()])
       ON CONFLICT (username) DO UPDATE SET
         failures = ARRAY(SELECT f FROM unnest(g.failures) AS f WHERE f > now() - ${WINDOW}) || now(),
         locked_at = CASE
           WHEN g.locked_at > now() - ${DURATION} THEN g.locked_at
           WHEN cardinality(ARRAY(SELECT f FROM unnest(g.failures) AS f WHERE f > now() - ${WINDOW})) + 1 >= ${LOCKOUT_THRESHOLD} THEN now()
           ELSE NULL
         END
       RETURNING locked_at IS NOT NULL AS locked, locked_at IS NOT DISTINCT FROM now() AS just_locked`,
      [username],
    )) as { locked: boolean; just_locked: boolean }[];
    const row = rows[0];
    return { locked: row?.locked ?? false, justLocked: row?.just_locked ?? false };
  }

  async clear(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_guard WHERE username = $1`, [username]);
  }
}

/** SQL fragment: whether a username is locked now (for the admin's user list). */
export const LOCKED_SQL = (usernameColumn: string): string =>
  `EXISTS (SELECT 1 FROM sign_in_guard g WHERE g.username = ${usernameColumn} AND g.locked_at > now() - ${DURATION})`;
