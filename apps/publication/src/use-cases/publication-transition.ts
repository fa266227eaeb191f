import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DocumentEventPayloads, EventActor } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import { documentStatusFor } from '../persistence/publication.orm-entity.js';
import type { PublicationOrmEntity, PublicationState } from '../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../persistence/publication.repository.js';
import type { TransitionChanges } from '../persistence/publication.repository.js';
import { publicationEvent } from './publication-event.js';
import type { PublicationEventType } from './publication-event.js';

type Details<T extends PublicationEventType> = Omit<DocumentEventPayloads[T], 'version' | 'contentHash' | 'publicationId'>;

/** One move of a publication and the lifecycle event that records it. */
export interface PublicationMove<T extends PublicationEventType> {
  event: T;
  /** The publication's own state after the move (a correction keeps it `published`). */
  to: PublicationState;
  /** Who fires the event: checked against the state machine. */
  by: Pick<Actor, 'userId' | 'roles'>;
  /** The event's own payload fields; read in the transaction, after `also`, when given as a function. */
  details: Details<T> | ((manager: EntityManager) => Promise<Details<T>>);
  context: { actor: EventActor; correlationId: string; causationId: string | null };
  changes?: TransitionChanges;
  /** The event starts a run: record it as the cause of what the run emits next. */
  startsRun?: boolean;
  /** More to record in the same transaction (an attempt, a notification, the push job). */
  also?: (manager: EntityManager, locked: PublicationOrmEntity) => Promise<void>;
}

/**
 * Publication's DocumentTransition: the publication as the step read it is locked (moved meanwhile:
 * 409 VERSION_CONFLICT), the move is checked against the state machine, saved and emitted with the
 * document's next sequence number; after the commit the relay is nudged, or the document handed over.
 */
@Injectable()
export class PublicationTransition {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly publications: PublicationRepository,
  ) {}

  async run<T extends PublicationEventType>(read: PublicationOrmEntity, move: PublicationMove<T>, options: { handOver?: boolean } = {}): Promise<void> {
    const eventId = randomUUID();
    await this.transition.run(
      {
        lock: (manager) => this.publications.lockAsRead(manager, read),
        decide: async (locked, manager) => {
          assertTransition(documentStatusFor(locked), move.event, move.by);
          await this.publications.move(manager, locked, move.to, { ...move.changes, ...(move.startsRun ? { causeEventId: eventId } : {}) });
          await move.also?.(manager, locked);
          return typeof move.details === 'function' ? move.details(manager) : move.details;
        },
        emit: (details, locked) => [{ ...publicationEvent(locked, move.event, details, move.context), id: eventId }],
      },
      options,
    );
  }
}
