import { DomainError, err, isRole, ok } from '@sanshen/kernel';
import type { Actor, DocumentEventType, DocumentStatus, Result } from '@sanshen/kernel';
import { EDGES } from './transitions.js';
import type { Edge, Performer } from './transitions.js';

export type TransitionErrorCode = 'DOCUMENT.INVALID_TRANSITION' | 'DOCUMENT.ROLE_NOT_ALLOWED';

export interface TransitionError {
  code: TransitionErrorCode;
  from: DocumentStatus | null;
  event: DocumentEventType;
  /** The performers that may fire the event from that state, when the state allows it at all. */
  allowed?: readonly Performer[];
}

function edgeFor(from: DocumentStatus | null, event: DocumentEventType): Edge | undefined {
  return EDGES.find((edge) => edge.event === event && edge.from === from);
}

/**
 * May someone holding `performers` fire `event` on a document in `from`?
 * An event the state does not allow is INVALID_TRANSITION whoever asks; an allowed event fired by
 * the wrong role is ROLE_NOT_ALLOWED.
 */
export function checkTransition(
  from: DocumentStatus | null,
  event: DocumentEventType,
  performers: readonly Performer[],
): Result<DocumentStatus, TransitionError> {
  const edge = edgeFor(from, event);
  if (edge === undefined) return err({ code: 'DOCUMENT.INVALID_TRANSITION', from, event });
  if (!edge.by.some((performer) => performers.includes(performer))) {
    return err({ code: 'DOCUMENT.ROLE_NOT_ALLOWED', from, event, allowed: edge.by });
  }
  return ok(edge.to);
}

/**
 * The guard every owner puts on its own move: `checkTransition` for the actor, a refusal thrown as the
 * rule's DomainError (INVALID_TRANSITION 409, ROLE_NOT_ALLOWED 403 with the performers allowed).
 */
export function assertTransition(from: DocumentStatus | null, event: DocumentEventType, actor: Pick<Actor, 'userId' | 'roles'>): DocumentStatus {
  const result = checkTransition(from, event, performersOf(actor));
  if (!result.ok) {
    throw new DomainError(result.error.code, {
      from,
      event,
      ...(result.error.allowed ? { allowed: [...result.error.allowed] } : {}),
    });
  }
  return result.value;
}

/** The events that may be fired from a state (for UIs: which buttons to show). */
export function eventsFrom(from: DocumentStatus | null): DocumentEventType[] {
  return EDGES.filter((edge) => edge.from === from).map((edge) => edge.event);
}

/**
 * The performers an actor stands for: the system actor, or the actor's roles. Strings that are not
 * roles (an envelope read off the wire) grant nothing; above all, only the system actor is 'system'.
 */
export function performersOf(actor: { userId: string; roles: readonly string[] }): Performer[] {
  return actor.userId === 'system' ? ['system'] : actor.roles.filter(isRole);
}
