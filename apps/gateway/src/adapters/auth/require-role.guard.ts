import { Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import type { AuthenticatedRequest } from './request-context.js';

const REQUIRED_ROLES = 'sanshen:required-roles';

/**
 * Refuses a caller without one of the roles before the route reads its body (an upload is neither
 * stored nor parsed for someone who may not make it). The owning service checks again.
 */
@Injectable()
export class RequireRoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (roles === undefined) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const held = request.sanshen?.actor.roles ?? [];
    if (!roles.some((role) => held.includes(role))) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { required: roles });
    return true;
  }
}

export const RequireRole = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), UseGuards(RequireRoleGuard));
