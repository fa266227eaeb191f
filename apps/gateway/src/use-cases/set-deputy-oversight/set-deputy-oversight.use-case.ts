import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/** Replaces the set of departments a deputy (分管领导) oversees; departments of the admin's agency only. */
@Injectable()
export class SetDeputyOversightUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, userId: string, input: { departmentIds: string[] }, correlationId: string): Promise<UserView> {
    requireAdmin(actor);
    if (userId === actor.userId) throw new DomainError('IDENTITY.SELF_ROLE_CHANGE');
    const departments = new Set((await this.organisation.departments(actor.agencyId)).map((department) => department.id));
    const unknown = input.departmentIds.find((id) => !departments.has(id));
    if (unknown !== undefined) throw new DomainError('IDENTITY.DEPARTMENT_NOT_FOUND', { departmentId: unknown });
    return this.organisation.transaction(async (manager) => {
      const user = await this.organisation.lockUser(manager, actor.agencyId, userId);
      if (user === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
      if (!user.roles.includes('deputy')) throw new DomainError('IDENTITY.NOT_DEPUTY');
      const departmentIds = [...new Set(input.departmentIds)];
      await this.organisation.setOversight(manager, userId, departmentIds);
      await this.organisation.revokeSessionsOf(manager, userId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'oversight.set',
        targetType: 'user',
        targetId: userId,
        details: { username: user.username, before: user.oversees, after: departmentIds },
      });
      const changed = await this.organisation.user(actor.agencyId, userId, manager);
      if (changed === null) throw new Error('user vanished');
      return changed;
    });
  }
}
