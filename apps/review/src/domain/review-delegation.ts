import type { Role } from '@sanshen/kernel';
import type { DelegatedDuty } from './reviewer-capacity.js';

/** A reviewer's duties delegated to a named user for a period, with the delegator's roles and scope. */
export interface ReviewDelegation extends DelegatedDuty {
  id: string;
  toUserId: string;
  roles: Role[];
  oversees: string[];
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A delegation as created: its id, creation time and revocation are the store's. */
export type NewDelegation = Omit<ReviewDelegation, 'id' | 'createdAt' | 'revokedAt'>;
