import { Inject, Injectable } from '@nestjs/common';
import type { PublicationRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { EventOutbox, ROOT_LOGGER } from '@sanshen/platform';
import { checkTransition, performersOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { publicationEvent } from '../publication-event.js';
import { documentStatusOf } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';

class MovedConcurrently extends Error {}

/**
 * A publisher of the document's agency starts a failed publication again (publish_failed →
 * publishing, `document.publish_retried`): a new run with a fresh job and a full set of attempts.
 */
@Injectable()
export class RetryPublicationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly outbox: EventOutbox,
    private readonly queue: PushQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: PublicationRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    const transition = checkTransition(documentStatusOf(publication.state), 'publish_retried', performersOf(actor));
    if (!transition.ok) {
      throw new DomainError(transition.error.code, { state: publication.state, ...(transition.error.allowed ? { allowed: transition.error.allowed } : {}) });
    }
    const run = publication.run + 1;
    try {
      await this.dataSource.transaction(async (manager) => {
        const moved = await this.publications.transition(manager, publication, 'publishing', {
          run,
          failureReason: null,
          correlationId,
        });
        if (!moved) throw new MovedConcurrently();
        const [retried] = await this.outbox.emit(manager, [
          publicationEvent(
            publication,
            'publish_retried',
            {},
            { actor: eventActorOf(actor), correlationId: correlationId, causationId: null },
          ),
        ]);
        await this.publications.setCauseEvent(manager, publication.id, retried.id);
        // Before the commit: a failed enqueue undoes the retry; the job waits until the run is visible.
        await this.queue.enqueue({ publicationId: publication.id, run, correlationId });
      });
    } catch (error) {
      if (error instanceof MovedConcurrently) throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: request.documentId });
      throw error;
    }
    this.outbox.published();
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, run, userId: actor.userId, correlationId },
      'publication retried',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
