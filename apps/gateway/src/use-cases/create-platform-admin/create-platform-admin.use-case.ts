import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, PLATFORM_ADMIN_ROLE } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { OneTimeAccount } from '../create-agency/create-agency.use-case.js';
import { hashPassword } from '../create-user/create-user.use-case.js';
import { assertUsername, oneTimePasswordFor } from '../identity-rules.js';
import { platformActor } from '../platform-requester.js';

/**
 * A platform administrator (platform_admin): belongs to no agency, onboards agencies through
 * POST /api/v1/agencies and can do nothing inside one. Only the operator's command line creates them
 * (`platform-admin:create`), with a one-time password to change at the first sign-in.
 */
@Injectable()
export class CreatePlatformAdminUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(input: { username: string; displayName: string }): Promise<OneTimeAccount> {
    const actor = await platformActor(this.organisation, { operator: true });
    assertUsername(input.username);
    const account = { id: randomUUID(), username: input.username, displayName: input.displayName.trim() };
    const oneTimePassword = oneTimePasswordFor(account.username);
    const passwordHash = await hashPassword(oneTimePassword);
    await this.organisation.transaction(async (manager) => {
      const inserted = await this.organisation.insertUser(manager, {
        ...account,
        agencyId: null,
        departmentId: null,
        passwordHash,
        mustChangePassword: true,
      });
      if (!inserted) throw new DomainError('IDENTITY.USERNAME_TAKEN', { username: account.username });
      await this.organisation.grantPlatformAdmin(manager, account.id);
      await this.organisation.audit(manager, {
        agencyId: null,
        actor,
        action: 'user.created',
        targetType: 'user',
        targetId: account.id,
        details: { username: account.username, roles: [PLATFORM_ADMIN_ROLE], oneTimePassword: true },
        correlationId: null,
      });
    });
    return { ...account, oneTimePassword };
  }
}
