import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { AgencyView } from '../../persistence/organisation.repository.js';
import { requireAdmin } from '../identity-rules.js';

/** An admin manages their own agency: the list holds that one. */
@Injectable()
export class ListAgenciesUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor): Promise<{ items: AgencyView[]; nextCursor: null }> {
    requireAdmin(actor);
    const agency = await this.organisation.agency(actor.agencyId);
    return { items: agency ? [agency] : [], nextCursor: null };
  }
}
