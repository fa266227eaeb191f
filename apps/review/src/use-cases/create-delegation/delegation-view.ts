import type { DelegationView } from '@sanshen/contracts';
import type { ReviewDelegationOrmEntity } from '../../persistence/review-delegation.orm-entity.js';

export function toDelegationView(delegation: ReviewDelegationOrmEntity): DelegationView {
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
