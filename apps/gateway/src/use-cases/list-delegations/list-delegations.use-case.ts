import { Injectable } from '@nestjs/common';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegationListView, DelegationView } from '@sanshen/contracts';
import type { RequestContext } from '../../adapters/auth/request-context.js';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';

/** A delegation with the delegate's name (review keeps ids only). */
export type NamedDelegation = DelegationView & { toName: string | null };

/** The caller's delegations, given and held (review), with the delegates' names (identity). */
@Injectable()
export class ListDelegationsUseCase {
  constructor(
    private readonly services: ServiceCalls,
    private readonly organisation: OrganisationRepository,
  ) {}

  async execute(context: RequestContext): Promise<{ given: NamedDelegation[]; received: NamedDelegation[] }> {
    const view = await this.services.send<DelegationListView>(REVIEW_RPC.delegations, context, {});
    const ids = [...new Set([...view.given, ...view.received].map((delegation) => delegation.toUserId))];
    const { users } = await this.organisation.namesOf(context.actor.agencyId, ids, []);
    const named = (delegation: DelegationView): NamedDelegation => ({ ...delegation, toName: users.get(delegation.toUserId) ?? null });
    return { given: view.given.map(named), received: view.received.map(named) };
  }
}
