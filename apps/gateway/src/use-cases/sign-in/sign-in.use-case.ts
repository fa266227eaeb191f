import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { checkText, DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { SessionOrmEntity } from '../../persistence/identity.orm-entities.js';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { SignInGuardRepository } from '../../persistence/sign-in-guard.repository.js';
import { SessionTokens } from '../session-tokens.js';
import type { TokenPair } from '../session-tokens.js';

const SYSTEM = { userId: 'system', displayName: '系统', roles: [] };

/** A session just opened: who, which session, and its first refresh token. */
export interface OpenedSession {
  actor: Actor;
  sessionId: string;
  refreshToken: string;
  /** Signed in with a one-time password: only changing it is allowed until then. */
  passwordChangeRequired: boolean;
}

/** The API's answer to a sign-in. */
export type SignedIn = TokenPair & { user: Actor; passwordChangeRequired: boolean };

/**
 * Username and password for a session. Failed attempts are counted per username in the database
 * (等保 登录失败处理): the fifth within 15 minutes locks the name for 30 minutes or until an admin
 * unlocks it. Unknown usernames are counted and locked the same way and the password is always
 * verified against a hash, so neither the answer nor its timing tells whether a user exists.
 */
@Injectable()
export class SignInUseCase {
  /** Verified when the user does not exist, so response time does not reveal user names. */
  private readonly dummyHash = argon2.hash(randomUUID());

  constructor(
    private readonly identity: IdentityRepository,
    private readonly organisation: OrganisationRepository,
    private readonly guard: SignInGuardRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(username: string, password: string): Promise<SignedIn & { sessionId: string }> {
    const session = await this.openSession(username, password);
    const access = await this.tokens.accessToken(session.actor, session.sessionId);
    return {
      accessToken: access.token,
      refreshToken: session.refreshToken,
      expiresIn: access.expiresIn,
      user: session.actor,
      sessionId: session.sessionId,
      passwordChangeRequired: session.passwordChangeRequired,
    };
  }

  /** Checks the credentials (with the lockout) and opens a session: the API's and the operators' console's. */
  async openSession(username: string, password: string): Promise<OpenedSession> {
    // No user name holds a character the input policy refuses (and PostgreSQL cannot store NUL):
    // such a name is a wrong name, answered before any lookup.
    if (!checkText(username, 'single').ok) throw new DomainError('AUTH.INVALID_CREDENTIALS');
    const locked = await this.guard.isLocked(username);
    const user = await this.identity.findActiveUserByUsername(username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (locked) throw new DomainError('AUTH.ACCOUNT_LOCKED');
    if (user === null || !valid) {
      const failure = await this.guard.recordFailure(username);
      if (failure.justLocked && user !== null) {
        await this.organisation.transaction((manager) =>
          this.organisation.audit(manager, {
            agencyId: user.agencyId,
            actor: SYSTEM,
            action: 'user.locked',
            targetType: 'user',
            targetId: user.id,
            details: { username },
            correlationId: null,
          }),
        );
      }
      throw new DomainError('AUTH.INVALID_CREDENTIALS');
    }
    await this.guard.clear(username);
    const actor = await this.identity.loadActor(user.id);
    if (actor === null) throw new DomainError('AUTH.INVALID_CREDENTIALS');
    const refresh = this.tokens.newRefreshToken();
    const session = Object.assign(new SessionOrmEntity(), {
      id: randomUUID(),
      userId: user.id,
      expiresAt: refresh.expiresAt,
      revokedAt: null,
    });
    await this.identity.createSession(session, refresh.hash);
    return { actor, sessionId: session.id, refreshToken: refresh.token, passwordChangeRequired: user.mustChangePassword };
  }
}
