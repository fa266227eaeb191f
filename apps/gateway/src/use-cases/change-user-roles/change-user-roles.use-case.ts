import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { assertRoleSet, requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

export interface ChangeRolesInput {
  action: 'grant' | 'revoke';
  role: Role;
}

/**
 * Grants or revokes one role of a user of the admin's agency — never the admin's own (三员分立), and
 * never into a set that breaks the separation rules. The user's sessions end, so the change holds at once.
 */
@Injectable()
export class ChangeUserRolesUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, userId: string, input: ChangeRolesInput, correlationId: string): Promise<UserView> {
    requireAdmin(actor);
    if (userId === actor.userId) throw new DomainError('IDENTITY.SELF_ROLE_CHANGE');
    return this.organisation.transaction(async (manager) => {
      const user = await this.organisation.lockUser(manager, actor.agencyId, userId);
      if (user === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
      if (input.action === 'grant') {
        assertRoleSet([...user.roles, input.role], user.departmentId);
        await this.organisation.grantRole(manager, userId, input.role, actor.userId);
      } else {
        await this.organisation.revokeRole(manager, userId, input.role);
        if (input.role === 'deputy') await this.organisation.setOversight(manager, userId, []);
      }
      await this.organisation.revokeSessionsOf(manager, userId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: input.action === 'grant' ? 'role.granted' : 'role.revoked',
        targetType: 'user',
        targetId: userId,
        details: { username: user.username, role: input.role },
      });
      const changed = await this.organisation.user(actor.agencyId, userId, manager);
      if (changed === null) throw new Error('user vanished');
      return changed;
    });
  }
}
