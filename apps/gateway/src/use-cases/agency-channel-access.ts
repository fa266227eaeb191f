import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { requireAdmin } from './identity-rules.js';

/** An agency's channels are its own admin's: another agency's are not found (404), a non-admin is refused (403). */
export function requireOwnAgencyAdmin(actor: Actor, agencyId: string): void {
  if (actor.agencyId !== agencyId) throw new DomainError('CHANNEL.AGENCY_NOT_FOUND', { agencyId });
  requireAdmin(actor);
}
