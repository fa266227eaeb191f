import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { UserView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';

export interface ListUsersInput {
  locked?: boolean;
  active?: boolean;
  departmentId?: string;
  limit?: number;
  cursor?: string;
}

/** The users of the admin's agency, by username; `locked=true` lists those locked out by failed sign-ins. */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, input: ListUsersInput): Promise<{ items: UserView[]; nextCursor: string | null }> {
    requireAdmin(actor);
    const limit = input.limit ?? 50;
    const items = await this.organisation.listUsers(actor.agencyId, {
      locked: input.locked,
      active: input.active,
      departmentId: input.departmentId,
      limit: limit + 1,
      after: input.cursor,
    });
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? (page.at(-1)?.username ?? null) : null };
  }

  async one(actor: Actor, userId: string): Promise<UserView> {
    requireAdmin(actor);
    const user = await this.organisation.user(actor.agencyId, userId);
    if (user === null) throw new DomainError('IDENTITY.USER_NOT_FOUND');
    return user;
  }
}
