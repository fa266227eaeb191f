import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens, hashRefreshToken } from '../session-tokens.js';
import type { TokenPair } from '../session-tokens.js';

/**
 * Exchanges a refresh token for a new pair; the old refresh token stops working. A refresh token
 * presented again after it was spent means it leaked: the whole session is revoked.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(refreshToken: string): Promise<TokenPair & { sessionId: string }> {
    const hash = hashRefreshToken(refreshToken);
    const next = this.tokens.newRefreshToken();
    const spent = await this.identity.spendRefreshToken(hash, next.hash);
    if (spent === 'reused') {
      const sessionId = await this.identity.sessionOfToken(hash);
      if (sessionId) await this.identity.revokeSession(sessionId);
      throw new DomainError('AUTH.TOKEN_INVALID', { reason: 'refresh token reused; session revoked' });
    }
    if (spent === null || spent.revokedAt !== null || spent.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('AUTH.TOKEN_INVALID');
    }
    const actor = await this.identity.loadActor(spent.userId);
    if (actor === null) throw new DomainError('AUTH.TOKEN_INVALID');
    const access = await this.tokens.accessToken(actor, spent.id);
    return { accessToken: access.token, refreshToken: next.token, expiresIn: access.expiresIn, sessionId: spent.id };
  }
}
