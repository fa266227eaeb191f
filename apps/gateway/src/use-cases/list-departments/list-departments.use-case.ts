import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { DepartmentView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';

@Injectable()
export class ListDepartmentsUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor): Promise<{ items: DepartmentView[]; nextCursor: null }> {
    requireAdmin(actor);
    return { items: await this.organisation.departments(actor.agencyId), nextCursor: null };
  }
}
