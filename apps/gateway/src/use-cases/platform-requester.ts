import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { NO_AGENCY_ID } from '../persistence/identity.repository.js';
import type { OrganisationRepository } from '../persistence/organisation.repository.js';

/**
 * Who asks for a platform-level change: a signed-in user, who must be a platform administrator, or
 * the operator at the command line (`npm run sanshen -- …`), trusted because they hold the
 * database's credentials.
 */
export type PlatformRequester = { actor: Actor } | { operator: true };

/** The command line, as it appears in the identity audit trail. */
const OPERATOR: Actor = {
  userId: 'operator',
  agencyId: NO_AGENCY_ID,
  agencyName: '',
  departmentId: null,
  roles: [],
  oversees: [],
  displayName: '运维命令行',
};

/** Checks the requester and returns the actor to record: refuses anyone but a platform administrator. */
export async function platformActor(organisation: OrganisationRepository, requester: PlatformRequester): Promise<Actor> {
  if ('operator' in requester) return OPERATOR;
  if (!(await organisation.isPlatformAdmin(requester.actor.userId))) throw new DomainError('IDENTITY.PLATFORM_ADMIN_REQUIRED');
  return requester.actor;
}

/** The user id to record as granting a role: none for the command line. */
export function grantingUserId(requester: PlatformRequester): string | null {
  return 'operator' in requester ? null : requester.actor.userId;
}
