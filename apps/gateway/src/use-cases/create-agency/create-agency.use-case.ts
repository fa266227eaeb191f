import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { AgencyView } from '../../persistence/organisation.repository.js';
import { hashPassword } from '../create-user/create-user.use-case.js';
import { assertAgencyCode, assertUsername, oneTimePasswordFor } from '../identity-rules.js';
import { grantingUserId, platformActor } from '../platform-requester.js';
import type { PlatformRequester } from '../platform-requester.js';

export interface NewAgencyInput {
  /** 机关代码, unique: `gx`. */
  code: string;
  name: string;
  adminUsername: string;
  adminDisplayName: string;
}

/** A new account and the password to hand over once; it must be changed at the first sign-in. */
export interface OneTimeAccount {
  id: string;
  username: string;
  displayName: string;
  oneTimePassword: string;
}

export interface CreatedAgency {
  agency: AgencyView;
  admin: OneTimeAccount;
}

/**
 * Onboards an agency (机关): the agency with its code and its first system administrator (admin),
 * whose one-time password is returned once and never stored in clear. By a platform administrator
 * (POST /api/v1/agencies) or the operator's command line (`agency:create`); an agency's own admin
 * manages their agency only.
 */
@Injectable()
export class CreateAgencyUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(requester: PlatformRequester, input: NewAgencyInput, correlationId: string | null): Promise<CreatedAgency> {
    const actor = await platformActor(this.organisation, requester);
    const code = input.code.trim();
    assertAgencyCode(code);
    assertUsername(input.adminUsername);
    const agency: AgencyView = { id: randomUUID(), code, name: input.name.trim() };
    const admin = { id: randomUUID(), username: input.adminUsername, displayName: input.adminDisplayName.trim() };
    const oneTimePassword = oneTimePasswordFor(admin.username);
    const passwordHash = await hashPassword(oneTimePassword);
    await this.organisation.transaction(async (manager) => {
      if (!(await this.organisation.insertAgency(manager, agency))) throw new DomainError('IDENTITY.AGENCY_CODE_TAKEN', { code });
      const inserted = await this.organisation.insertUser(manager, {
        ...admin,
        agencyId: agency.id,
        departmentId: null,
        passwordHash,
        mustChangePassword: true,
      });
      if (!inserted) throw new DomainError('IDENTITY.USERNAME_TAKEN', { username: admin.username });
      await this.organisation.grantRole(manager, admin.id, 'admin', grantingUserId(requester));
      // Recorded under the new agency, so its auditor sees how it began.
      const entry = { agencyId: agency.id, actor, correlationId };
      await this.organisation.audit(manager, {
        ...entry,
        action: 'agency.created',
        targetType: 'agency',
        targetId: agency.id,
        details: { code, name: agency.name },
      });
      await this.organisation.audit(manager, {
        ...entry,
        action: 'user.created',
        targetType: 'user',
        targetId: admin.id,
        details: { username: admin.username, roles: ['admin'], oneTimePassword: true },
      });
    });
    return { agency, admin: { ...admin, oneTimePassword } };
  }
}
