import type { Actor, Role } from '@sanshen/kernel';

/** Where a spec's people work by default: their agency (with its name) and department. */
export type Workplace = Pick<Actor, 'agencyId' | 'agencyName' | 'departmentId'>;

/** A builder of actors at one workplace: `person('u-1', ['drafter'], {departmentId: 'd-2'})`. */
export function peopleAt(workplace: Workplace): (userId: string, roles: Role[], extra?: Partial<Actor>) => Actor {
  return (userId, roles, extra = {}) => ({ userId, ...workplace, roles, oversees: [], displayName: userId, ...extra });
}
