import { Inject, Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventEnvelope } from '@sanshen/contracts';
import { DomainError, systemActor } from '@sanshen/kernel';
import { EventOutbox, ROOT_LOGGER } from '@sanshen/platform';
import { checkTransition } from '@sanshen/workflow';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';
import { publicationIdFor } from './publication-id.js';

export type SecrecyCleared = EventEnvelope<'document.secrecy_cleared', DocumentEventPayloads['secrecy_cleared']>;

/**
 * A version cleared by the secrecy officer is ours to publish: record the publication, hand the
 * document on (approved → publishing, `document.publish_started`), and queue the push. When a
 * schedule (定时发布) for this version lies in the future, the publication waits in `scheduled` (the
 * document stays `approved`) and its push job is delayed until then; the job fires
 * `publish_started` at that time (PushPublicationUseCase). Runs in the
 * transaction that records the event in the inbox, so all of it happens once or not at all; the job
 * is enqueued before the commit and waits for the row (see PushPublicationUseCase).
 */
@Injectable()
export class StartPublicationUseCase {
  constructor(
    private readonly publications: PublicationRepository,
    private readonly outbox: EventOutbox,
    private readonly queue: PushQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(event: SecrecyCleared, manager: EntityManager): Promise<void> {
    const { version, contentHash } = event.payload;
    const agencyId = event.actor.agencyId;
    const transition = checkTransition('approved', 'publish_started', ['system']);
    if (!transition.ok) throw new DomainError(transition.error.code, { documentId: event.documentId });
    if (transition.value !== 'publishing') throw new Error(`publish_started leads to ${transition.value}, not publishing`);

    const publicationId = publicationIdFor(event.id);
    await this.publications.lockDocument(manager, event.documentId);
    const schedule = await this.publications.findSchedule(manager, event.documentId, version);
    const now = new Date();
    const waitUntil = schedule !== null && schedule.publishAt.getTime() > now.getTime() ? schedule.publishAt : null;
    const sequence = event.sequence + 1;
    const created = await this.publications.create(manager, {
      id: publicationId,
      documentId: event.documentId,
      version,
      contentHash,
      agencyId,
      state: waitUntil === null ? transition.value : 'scheduled',
      // A scheduled publication has emitted nothing yet: it knows the secrecy_cleared sequence.
      eventSeq: waitUntil === null ? sequence : event.sequence,
      correlationId: event.correlationId,
      causeEventId: event.id,
      scheduledAt: schedule?.publishAt ?? null,
    });
    if (!created) {
      this.logger.warn(
        { documentId: event.documentId, version, eventId: event.id, correlationId: event.correlationId },
        'version already has a publication: secrecy_cleared ignored',
      );
      return;
    }
    if (waitUntil !== null) {
      await this.queue.enqueue({ publicationId, run: 0, correlationId: event.correlationId }, waitUntil);
      this.logger.info(
        { documentId: event.documentId, version, publicationId, publishAt: waitUntil.toISOString(), correlationId: event.correlationId },
        'publication scheduled',
      );
      return;
    }
    const [started] = await this.outbox.emit(manager, [
      {
        type: documentEventName('publish_started'),
        documentId: event.documentId,
        sequence,
        actor: systemActor(agencyId),
        correlationId: event.correlationId,
        causationId: event.id,
        payload: {
          version,
          contentHash,
          publicationId,
          scheduledAt: schedule?.publishAt.toISOString() ?? null,
        } satisfies DocumentEventPayloads['publish_started'],
        occurredAt: new Date(),
      },
    ]);
    await this.publications.setCauseEvent(manager, publicationId, started.id);
    await this.queue.enqueue({ publicationId, run: 0, correlationId: event.correlationId });
    this.logger.info(
      { documentId: event.documentId, version, publicationId, sequence, correlationId: event.correlationId },
      'publication started',
    );
  }
}
