import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/** Lifts a sign-in lockout and forgets the user's recent failures. */
@Injectable()
export class UnlockUserUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, userId: string, correlationId: string): Promise<UserView> {
    requireAdmin(actor);
    return this.organisation.transaction(async (manager) => {
      const user = await this.organisation.lockUser(manager, actor.agencyId, userId);
      if (user === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
      const wasLocked = await this.organisation.unlock(manager, user.username);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'user.unlocked',
        targetType: 'user',
        targetId: userId,
        details: { username: user.username, wasLocked },
      });
      const changed = await this.organisation.user(actor.agencyId, userId, manager);
      if (changed === null) throw new Error('user vanished');
      return changed;
    });
  }
}
