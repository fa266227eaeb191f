import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { assertPasswordPolicy } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';
import { hashPassword } from '../create-user/create-user.use-case.js';

/** Anyone changes their own password with the old one; their other sessions end, this one stays. */
@Injectable()
export class ChangeOwnPasswordUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(
    actor: Actor,
    sessionId: string,
    input: { oldPassword: string; newPassword: string },
    correlationId: string,
  ): Promise<void> {
    const current = await this.organisation.passwordHashOf(actor.userId);
    if (current === null) throw new DomainError('AUTH.TOKEN_INVALID');
    const valid = await argon2.verify(current.passwordHash, input.oldPassword).catch(() => false);
    if (!valid) throw new DomainError('IDENTITY.OLD_PASSWORD_WRONG');
    assertPasswordPolicy(input.newPassword, current.username);
    const passwordHash = await hashPassword(input.newPassword);
    await this.organisation.transaction(async (manager) => {
      await this.organisation.setPasswordHash(manager, actor.userId, passwordHash);
      await this.organisation.revokeSessionsOf(manager, actor.userId, sessionId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'user.password_changed',
        targetType: 'user',
        targetId: actor.userId,
        details: { username: current.username },
      });
    });
  }
}
