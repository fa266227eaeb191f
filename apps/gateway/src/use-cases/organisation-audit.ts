import type { Actor } from '@sanshen/kernel';
import type { EntityManager } from 'typeorm';
import type { IdentityAuditEntry, OrganisationRepository } from '../persistence/organisation.repository.js';

/** Who did what to the organisation, written in the transaction of the change (三员分立: auditors read it). */
export function recordIdentityAudit(
  repository: OrganisationRepository,
  manager: EntityManager,
  actor: Actor,
  correlationId: string | null,
  entry: Pick<IdentityAuditEntry, 'action' | 'targetType' | 'targetId' | 'details'>,
): Promise<void> {
  return repository.audit(manager, { ...entry, agencyId: actor.agencyId, actor, correlationId });
}
