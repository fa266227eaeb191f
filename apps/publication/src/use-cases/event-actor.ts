import type { Actor, EventActor } from '@sanshen/contracts';

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
