import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens } from '../session-tokens.js';

export interface OpsSession {
  actor: Actor;
  sessionId: string;
}

/**
 * Checks a console cookie on every request: a genuine console token of a live session whose user is
 * still active and still an administrator (roles are read afresh, so a revoked grant or a disabled
 * account takes effect at once, not when the cookie expires).
 */
@Injectable()
export class AuthorizeOpsSessionUseCase {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(token: string | undefined): Promise<OpsSession> {
    if (token === undefined || token === '') throw new DomainError('AUTH.UNAUTHENTICATED');
    const claims = await this.tokens.verifyOpsToken(token);
    if (claims === null || !(await this.identity.isSessionLive(claims.sid))) throw new DomainError('AUTH.TOKEN_INVALID');
    const actor = await this.identity.loadActor(claims.sub);
    if (actor === null) throw new DomainError('AUTH.TOKEN_INVALID');
    if (!actor.roles.includes('admin')) throw new DomainError('AUTH.OPS_ADMIN_ONLY');
    return { actor, sessionId: claims.sid };
  }
}
