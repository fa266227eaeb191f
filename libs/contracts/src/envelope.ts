import type { Role } from '@sanshen/kernel';

/** The actor as recorded on an event: enough to check the transition, nothing personal beyond the id. */
export interface EventActor {
  userId: string;
  agencyId: string;
  roles: Role[];
  departmentId?: string | null;
  displayName?: string;
  /** Set when the actor acted under a delegation: the user whose duties were delegated. */
  onBehalfOf?: { userId: string; displayName: string } | null;
}

/**
 * Every domain event travels in this envelope (ARCHITECTURE.md "Two kinds of messages").
 * `sequence` is the document's own event number, 1-based and gap-free across all producers: the
 * owner of the document's state assigns the next one when it emits.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  schemaVersion: number;
  occurredAt: string;
  documentId: string;
  sequence: number;
  actor: EventActor;
  correlationId: string;
  causationId: string | null;
  /** The service that wrote the event to its outbox, so a consumer knows whom to ask for a replay. */
  producer: string;
  payload: TPayload;
}
