import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventActor } from '@sanshen/contracts';
import type { NewEvent } from '@sanshen/messaging';
import type { PublicationOrmEntity } from '../persistence/publication.orm-entity.js';

/** The lifecycle events publication emits: each names the publication and the version it concerns. */
export type PublicationEventType = {
  [T in keyof DocumentEventPayloads]: DocumentEventPayloads[T] extends { publicationId: string } ? T : never;
}[keyof DocumentEventPayloads];

/**
 * One of publication's events for a publication, with the document's next sequence number and the
 * version, hash and publication id every such event carries.
 */
export function publicationEvent<T extends PublicationEventType>(
  publication: Pick<PublicationOrmEntity, 'id' | 'documentId' | 'eventSeq' | 'version' | 'contentHash'>,
  type: T,
  details: Omit<DocumentEventPayloads[T], 'version' | 'contentHash' | 'publicationId'>,
  context: { actor: EventActor; correlationId: string; causationId: string | null },
): NewEvent<DocumentEventPayloads[T]> {
  return {
    type: documentEventName(type),
    documentId: publication.documentId,
    sequence: publication.eventSeq + 1,
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    payload: {
      version: publication.version,
      contentHash: publication.contentHash,
      publicationId: publication.id,
      ...details,
    } as DocumentEventPayloads[T],
    occurredAt: new Date(),
  };
}
