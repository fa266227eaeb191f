import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, isRole } from '@sanshen/contracts';
import type { Actor } from '@sanshen/contracts';
import { IdentityRepository } from '../../persistence/identity.repository.js';
import type { AccessClaims } from '../../use-cases/session-tokens.js';
import { IS_PUBLIC } from '@sanshen/platform';
import { DelegatedDuties } from './delegated-duties.js';
import { correlationIdOf } from './request-context.js';
import type { AuthenticatedRequest } from './request-context.js';

/**
 * Every route is authenticated unless marked @Public: a valid access token of a live session.
 * The actor is built from the token's claims, with the review duties delegated to the user, and
 * travels with every request to the services, which check roles and scope themselves.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly identity: IdentityRepository,
    private readonly duties: DelegatedDuties,
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
    if (!(await this.identity.isSessionLive(claims.sid))) throw new DomainError('AUTH.TOKEN_INVALID');
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
