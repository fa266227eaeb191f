import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/** Deactivates (sessions end, sign-in refused) or reactivates a user of the admin's agency; never oneself. */
@Injectable()
export class SetUserActiveUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, userId: string, active: boolean, correlationId: string): Promise<UserView> {
    requireAdmin(actor);
    if (userId === actor.userId) throw new DomainError('IDENTITY.SELF_ACTION');
    return this.organisation.transaction(async (manager) => {
      const user = await this.organisation.lockUser(manager, actor.agencyId, userId);
      if (user === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
      await this.organisation.setActive(manager, userId, active);
      if (!active) await this.organisation.revokeSessionsOf(manager, userId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: active ? 'user.activated' : 'user.deactivated',
        targetType: 'user',
        targetId: userId,
        details: { username: user.username },
      });
      const changed = await this.organisation.user(actor.agencyId, userId, manager);
      if (changed === null) throw new Error('user vanished');
      return changed;
    });
  }
}
