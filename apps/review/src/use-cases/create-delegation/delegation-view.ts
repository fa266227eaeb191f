import type { DelegationView } from '@sanshen/contracts';
import type { ReviewDelegation } from '../../domain/review-delegation.js';

export function toDelegationView(delegation: ReviewDelegation): DelegationView {
  return {
    id: delegation.id,
    agencyId: delegation.agencyId,
    fromUserId: delegation.fromUserId,
    fromName: delegation.fromName,
    toUserId: delegation.toUserId,
    roles: delegation.roles,
    from: delegation.startsAt.toISOString(),
    until: delegation.endsAt.toISOString(),
    createdAt: delegation.createdAt.toISOString(),
    revokedAt: delegation.revokedAt?.toISOString() ?? null,
  };
}
