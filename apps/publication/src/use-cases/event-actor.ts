import type { EventActor } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';

/** The envelope's actor for an event a person caused. */
export function eventActorOf(actor: Actor): EventActor {
  return {
    userId: actor.userId,
    agencyId: actor.agencyId,
    roles: [...actor.roles],
    departmentId: actor.departmentId,
    displayName: actor.displayName,
  };
}
