import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads } from '@sanshen/contracts';
import type { Actor, DocumentEventType } from '@sanshen/kernel';
import type { NewEvent } from '@sanshen/messaging';

/** Drafting's event on a document it has just moved: the document's sequence is already the new one. */
export function documentEvent<T extends DocumentEventType>(
  document: { id: string; eventSeq: number },
  type: T,
  payload: DocumentEventPayloads[T],
  context: { actor: Actor; correlationId: string },
): NewEvent<DocumentEventPayloads[T]> {
  return { type: documentEventName(type), documentId: document.id, sequence: document.eventSeq, ...context, payload, occurredAt: new Date() };
}
