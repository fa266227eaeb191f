import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DomainError } from '@sanshen/contracts';
import type { Actor } from '@sanshen/contracts';
import { SessionOrmEntity } from '../../persistence/identity.orm-entities.js';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens } from '../session-tokens.js';
import type { TokenPair } from '../session-tokens.js';

@Injectable()
export class SignInUseCase {
  /** Verified when the user does not exist, so response time does not reveal user names. */
  private readonly dummyHash = argon2.hash(randomUUID());

  constructor(
    private readonly identity: IdentityRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(username: string, password: string): Promise<TokenPair & { user: Actor }> {
    const user = await this.identity.findActiveUserByUsername(username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (user === null || !valid) throw new DomainError('AUTH.INVALID_CREDENTIALS');
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
    const access = await this.tokens.accessToken(actor, session.id);
    return { accessToken: access.token, refreshToken: refresh.token, expiresIn: access.expiresIn, user: actor };
  }
}
