import { Inject, Injectable } from '@nestjs/common';
import type { PublicationRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';
import { PublicationTransition } from '../publication-transition.js';

/**
 * A publisher of the document's agency starts a failed publication again (publish_failed →
 * publishing, `document.publish_retried`): a new run with a fresh job and a full set of attempts.
 */
@Injectable()
export class RetryPublicationUseCase {
  constructor(
    private readonly transition: PublicationTransition,
    private readonly publications: PublicationRepository,
    private readonly queue: PushQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: PublicationRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    const run = publication.run + 1;
    await this.transition.run(publication, {
      event: 'publish_retried',
      to: 'publishing',
      by: actor,
      details: {},
      context: { actor: eventActorOf(actor), correlationId, causationId: null },
      changes: { run, failureReason: null, correlationId },
      startsRun: true,
      // Before the commit: a failed enqueue undoes the retry; the job waits for the commit, then starts.
      also: () => this.queue.enqueue({ publicationId: publication.id, run, correlationId }, null, { awaitingCommit: true }),
    });
    await this.queue.startNow(publication.id, run).catch(() => undefined);
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, run, userId: actor.userId, correlationId },
      'publication retried',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
