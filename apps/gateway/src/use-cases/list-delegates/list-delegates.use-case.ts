import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { REVIEWER_ROLE } from '@sanshen/workflow';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { DelegateCandidate } from '../../persistence/organisation.repository.js';

export interface ListDelegatesInput {
  /** Part of a name or a department's name. */
  q?: string;
  limit?: number;
}

const REVIEW_ROLES: readonly string[] = Object.values(REVIEWER_ROLE);

/**
 * Whom a reviewer may name as their delegate (代签), for the console's picker: the active users of
 * the reviewer's own agency other than the reviewer, and not the administrator or the auditor
 * (三员分立: they hold no other duty). Only names and departments.
 */
@Injectable()
export class ListDelegatesUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, input: ListDelegatesInput): Promise<{ items: DelegateCandidate[] }> {
    if (!actor.roles.some((role) => REVIEW_ROLES.includes(role))) throw new DomainError('REVIEW.NOT_A_REVIEWER');
    const q = input.q?.trim();
    const items = await this.organisation.delegateCandidates(actor.agencyId, actor.userId, { q: q === '' ? undefined : q, limit: input.limit ?? 20 });
    return { items };
  }
}
