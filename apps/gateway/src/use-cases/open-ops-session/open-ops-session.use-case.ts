import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens } from '../session-tokens.js';
import { SignInUseCase } from '../sign-in/sign-in.use-case.js';

/** A console session: the cookie's token and lifetime, and who signed in. */
export interface OpsSessionTicket {
  token: string;
  expiresIn: number;
  actor: Actor;
}

/**
 * Signs an administrator in to the operators' console (the queue board). The same credentials,
 * lockout and session table as the API; anyone but an administrator is refused and the session just
 * opened is revoked at once.
 */
@Injectable()
export class OpenOpsSessionUseCase {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly identity: IdentityRepository,
    private readonly tokens: SessionTokens,
  ) {}

  async execute(username: string, password: string): Promise<OpsSessionTicket> {
    const session = await this.signIn.openSession(username, password);
    if (!session.actor.roles.includes('admin')) {
      await this.identity.revokeSession(session.sessionId);
      throw new DomainError('AUTH.OPS_ADMIN_ONLY');
    }
    if (session.passwordChangeRequired) {
      await this.identity.revokeSession(session.sessionId);
      throw new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    const ops = await this.tokens.opsToken(session.actor.userId, session.sessionId);
    return { token: ops.token, expiresIn: ops.expiresIn, actor: session.actor };
  }
}
