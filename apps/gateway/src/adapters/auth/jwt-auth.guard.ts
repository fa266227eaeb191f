import { Injectable, SetMetadata } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, isRole } from '@sanshen/contracts';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import type { AccessClaims } from '../../use-cases/session-tokens.js';
import { IS_PUBLIC } from '@sanshen/platform';
import type { AuthenticatedRequest } from './request-context.js';

const PASSWORD_CHANGE_ROUTE = 'sanshen:password-change-route';

/** A route open to a session that signed in with a one-time password (changing it, signing out). */
export const PasswordChangeRoute = (): MethodDecorator => SetMetadata(PASSWORD_CHANGE_ROUTE, true);

/**
 * Every route is authenticated unless marked @Public: a valid access token of a live session.
 * The actor is built from the token's claims and travels with every request to the services,
 * which check roles and scope themselves.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly identity: IdentityRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new DomainError('AUTH.UNAUTHENTICATED');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(header.slice('Bearer '.length).trim());
    } catch {
      throw new DomainError('AUTH.TOKEN_INVALID');
    }
    const state = await this.identity.sessionState(claims.sid);
    if (state === null) throw new DomainError('AUTH.TOKEN_INVALID');
    if (state === 'password_change_required' && !this.reflector.get<boolean>(PASSWORD_CHANGE_ROUTE, context.getHandler())) {
      throw new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    request.sanshen = {
      sessionId: claims.sid,
      actor: {
        userId: claims.sub,
        agencyId: claims.agencyId,
        agencyName: claims.agencyName,
        departmentId: claims.departmentId,
        roles: claims.roles.filter(isRole),
        oversees: claims.oversees,
        displayName: claims.name,
      },
    };
    return true;
  }
}
