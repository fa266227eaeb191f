import { DomainError } from '@sanshen/kernel';
import type { Actor, DocumentEventType, DocumentStatus } from '@sanshen/kernel';
import { checkTransition, performersOf } from '@sanshen/workflow';

/** Checks a transition against the one state machine; a refusal becomes the rule's DomainError. */
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
