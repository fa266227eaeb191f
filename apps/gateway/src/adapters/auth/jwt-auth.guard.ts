import { Injectable, SetMetadata } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, isRole } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens } from '../../use-cases/session-tokens.js';
import type { AccessClaims } from '../../use-cases/session-tokens.js';
import { IS_PUBLIC } from '@sanshen/platform/core';
import { DelegatedDuties } from './delegated-duties.js';
import { correlationIdOf } from './request-context.js';
import type { AuthenticatedRequest } from './request-context.js';
import { CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE } from './session-cookies.js';

const PASSWORD_CHANGE_ROUTE = 'sanshen:password-change-route';

/** A route open to a session that signed in with a one-time password (changing it, signing out). */
export const PasswordChangeRoute = (): MethodDecorator => SetMetadata(PASSWORD_CHANGE_ROUTE, true);

/**
 * Every route is authenticated unless marked @Public: a valid access token of a live session, from
 * `Authorization: Bearer` or, for a browser console, the `sanshen_session` cookie — then every
 * request but GET/HEAD/OPTIONS must carry the session's CSRF token in `X-CSRF-Token` (403).
 * The actor is built from the token's claims, with the review duties delegated to the user, and
 * travels with every request to the services, which check roles and scope themselves.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly identity: IdentityRepository,
    private readonly tokens: SessionTokens,
    private readonly duties: DelegatedDuties,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    const bearer = typeof header === 'string' && header.startsWith('Bearer ');
    if (!bearer && cookie === undefined) throw new DomainError('AUTH.UNAUTHENTICATED');
    const token = bearer ? header.slice('Bearer '.length).trim() : (cookie ?? '');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw new DomainError('AUTH.TOKEN_INVALID');
    }
    if (!isAccessClaims(claims)) throw new DomainError('AUTH.TOKEN_INVALID');
    const state = await this.identity.sessionState(claims.sid);
    if (state === null) throw new DomainError('AUTH.TOKEN_INVALID');
    if (state === 'password_change_required' && !this.reflector.get<boolean>(PASSWORD_CHANGE_ROUTE, context.getHandler())) {
      throw new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    if (!bearer && !SAFE_METHODS.has(request.method) && !this.tokens.isCsrfTokenValid(claims.sid, request.headers[CSRF_HEADER])) {
      throw new DomainError('AUTH.CSRF_INVALID');
    }
    const actor: Actor = {
      userId: claims.sub,
      agencyId: claims.agencyId,
      agencyName: claims.agencyName,
      departmentId: claims.departmentId,
      roles: claims.roles.filter(isRole),
      oversees: claims.oversees,
      displayName: claims.name,
    };
    const delegatedDuties = await this.duties.of(actor, correlationIdOf(request));
    if (delegatedDuties.length > 0) actor.delegatedDuties = delegatedDuties;
    request.sanshen = { sessionId: claims.sid, actor };
    return true;
  }
}

/** An access token's claims, not another kind of token signed with the same key. */
function isAccessClaims(claims: AccessClaims): boolean {
  return (
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    typeof claims.agencyId === 'string' &&
    Array.isArray(claims.roles) &&
    Array.isArray(claims.oversees)
  );
}
