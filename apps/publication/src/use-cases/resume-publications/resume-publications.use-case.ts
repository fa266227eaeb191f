import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';

/**
 * At boot: every publication still publishing gets a live push job again. Jobs are idempotent by id,
 * and the portal by Idempotency-Key, so resuming one that was fine costs nothing.
 */
@Injectable()
export class ResumePublicationsUseCase {
  constructor(
    private readonly publications: PublicationRepository,
    private readonly queue: PushQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(): Promise<{ resumed: number; inFlight: number }> {
    const inFlight = await this.publications.listInFlight();
    let resumed = 0;
    for (const publication of inFlight) {
      const result = await this.queue.ensure(
        { publicationId: publication.id, run: publication.run, correlationId: publication.correlationId },
        publication.state === 'scheduled' ? publication.scheduledAt : null,
      );
      if (result !== 'live') {
        resumed += 1;
        this.logger.warn(
          { documentId: publication.documentId, publicationId: publication.id, run: publication.run, result, correlationId: publication.correlationId },
          'publication push resumed',
        );
      }
    }
    return { resumed, inFlight: inFlight.length };
  }
}
