import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { sessionsEndedSubject } from '@sanshen/contracts';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { BASE_CONFIG, ROOT_LOGGER } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { NATS_CONNECTION } from '@sanshen/platform/rpc';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

/** A live session, and whether its user must change a one-time password before anything else. */
export type SessionState = 'live' | 'password_change_required';

/** How long a session's state is reused before it is read again (bounds a missed "ended" message). */
export const SESSION_STATE_TTL_MS = 5_000;

/** Sessions that ended: by id (sign-out, a reused refresh token), or all of a user's (revocation). */
export type EndedSessions = { sessionId: string } | { userId: string };

interface Known {
  userId: string | null;
  state: SessionState | null;
}

/**
 * Every authenticated request asks whether its session is still live. The answer is kept a few
 * seconds per session, so a request costs no read of it; a session that ends is forgotten at once
 * here and, over NATS, by every other gateway (`ended`, called after the commit that ended it). A
 * read that overlaps an end is not kept (the generation moved on), so no stale "live" outlives the
 * end. Were the message lost (NATS away), another gateway would see the end within the TTL.
 */
@Injectable()
export class SessionStates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly known = new LRUCache<string, Known>({ max: 50_000, ttl: SESSION_STATE_TTL_MS });
  /** Moves on with every end heard: a read begun before it is not kept. */
  private generation = 0;
  private subscription: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nc.subscribe(sessionsEndedSubject(this.config.namespace), {
      callback: (error, message) => {
        if (error) return;
        try {
          this.forget(JSON.parse(message.string()) as EndedSessions);
        } catch {
          // Unreadable: forget everything rather than keep what may have ended.
          this.forgetAll();
        }
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** The session's state, or null when it is revoked, expired or unknown. */
  async stateOf(sessionId: string): Promise<SessionState | null> {
    const cached = this.known.get(sessionId);
    if (cached !== undefined) return cached.state;
    const generation = this.generation;
    const rows = (await this.dataSource.query(
      `SELECT u.id AS user_id, u.must_change_password FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionId],
    )) as { user_id: string; must_change_password: boolean }[];
    const row = rows[0];
    const known: Known = row === undefined ? { userId: null, state: null } : { userId: row.user_id, state: row.must_change_password ? 'password_change_required' : 'live' };
    if (generation === this.generation) this.known.set(sessionId, known);
    return known.state;
  }

  /** Sessions ended (committed): forgotten here at once and announced to every gateway. */
  ended(sessions: EndedSessions): void {
    this.forget(sessions);
    try {
      this.nc.publish(sessionsEndedSubject(this.config.namespace), JSON.stringify(sessions));
    } catch (error) {
      this.logger.warn({ err: error }, 'sessions ended: other gateways not told (they see it within the TTL)');
    }
  }

  private forget(sessions: EndedSessions): void {
    this.generation += 1;
    if ('sessionId' in sessions) {
      this.known.delete(sessions.sessionId);
      return;
    }
    for (const [sessionId, known] of this.known.entries()) if (known.userId === sessions.userId) this.known.delete(sessionId);
  }

  private forgetAll(): void {
    this.generation += 1;
    this.known.clear();
  }
}
