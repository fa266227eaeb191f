import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { assertPasswordPolicy, requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';
import { hashPassword } from '../create-user/create-user.use-case.js';

/** An admin sets a new password for a user of their agency (policy enforced); the user's sessions end. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, userId: string, input: { password: string }, correlationId: string): Promise<void> {
    requireAdmin(actor);
    if (userId === actor.userId) throw new DomainError('IDENTITY.SELF_ACTION', { use: 'POST /api/v1/me/password' });
    const target = await this.organisation.user(actor.agencyId, userId);
    if (target === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
    assertPasswordPolicy(input.password, target.username);
    const passwordHash = await hashPassword(input.password);
    await this.organisation.transaction(async (manager) => {
      if ((await this.organisation.lockUser(manager, actor.agencyId, userId)) === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
      await this.organisation.setPasswordHash(manager, userId, passwordHash);
      await this.organisation.revokeSessionsOf(manager, userId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'user.password_reset',
        targetType: 'user',
        targetId: userId,
        details: { username: target.username },
      });
    });
  }
}
