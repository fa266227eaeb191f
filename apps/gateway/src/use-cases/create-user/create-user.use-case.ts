import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';
import { checkNewUser } from './new-user.js';
import type { NewUserInput } from './new-user.js';

/** argon2id, the library's defaults (memory-hard). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** A new user of the admin's own agency, with roles and (for a deputy) overseen departments. */
@Injectable()
export class CreateUserUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, input: NewUserInput, correlationId: string): Promise<UserView> {
    requireAdmin(actor);
    const departments = new Set((await this.organisation.departments(actor.agencyId)).map((department) => department.id));
    checkNewUser(input, departments);
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    return this.organisation.transaction(async (manager) => {
      const inserted = await this.organisation.insertUser(manager, {
        id,
        agencyId: actor.agencyId,
        departmentId: input.departmentId,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
      });
      if (!inserted) throw new DomainError('IDENTITY.USERNAME_TAKEN', { username: input.username });
      for (const role of new Set(input.roles)) await this.organisation.grantRole(manager, id, role, actor.userId);
      await this.organisation.setOversight(manager, id, [...new Set(input.oversees)]);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        details: { username: input.username, departmentId: input.departmentId, roles: input.roles, oversees: input.oversees },
      });
      const user = await this.organisation.user(actor.agencyId, id, manager);
      if (user === null) throw new Error('created user not found');
      return user;
    });
  }
}
