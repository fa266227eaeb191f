import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventEnvelope } from '@sanshen/contracts';
import { systemActor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { ROOT_LOGGER } from '@sanshen/platform';
import { assertTransition } from '@sanshen/workflow';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';
import { publicationIdFor } from './publication-id.js';

export type SecrecyCleared = EventEnvelope<'document.secrecy_cleared', DocumentEventPayloads['secrecy_cleared']>;

interface Started {
  /** The publication starts now (emit publish_started), rather than waiting or being a repeat. */
  start: boolean;
  scheduledAt: Date | null;
}

/**
 * A version cleared by the secrecy officer is ours to publish: record the publication, hand the
 * document on (approved → publishing, `document.publish_started`), and queue the push. When a
 * schedule (定时发布) for this version lies in the future, the publication waits in `scheduled` (the
 * document stays `approved`) and its push job is delayed until then; the job fires
 * `publish_started` at that time (PushPublicationUseCase). Runs in the
 * transaction that records the event in the inbox, so all of it happens once or not at all; the job
 * is enqueued before the commit, waiting, and started once the commit is done (the consumer's
 * work after the commit: PushQueue.startNow).
 */
@Injectable()
export class StartPublicationUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly publications: PublicationRepository,
    private readonly queue: PushQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns the publication whose push is to start once the caller's transaction commits (`PushQueue.startNow`), if any. */
  async execute(event: SecrecyCleared, manager: EntityManager): Promise<string | null> {
    const { version, contentHash } = event.payload;
    const agencyId = event.actor.agencyId;
    const publicationId = publicationIdFor(event.id);
    const startedId = randomUUID();
    const sequence = event.sequence + 1;
    const log = { documentId: event.documentId, version, publicationId, correlationId: event.correlationId };
    // In the consumer's transaction: the runtime nudges the relay once it has committed.
    const { decision } = await this.transition.within(manager, {
      lock: (locking) => this.publications.lockDocument(locking, event.documentId),
      decide: async (_locked, within): Promise<Started> => {
        const schedule = await this.publications.findSchedule(within, event.documentId, version);
        const now = new Date();
        const waitUntil = schedule !== null && schedule.publishAt.getTime() > now.getTime() ? schedule.publishAt : null;
        const state = waitUntil === null ? assertTransition('approved', 'publish_started', systemActor(agencyId)) : 'scheduled';
        if (state !== 'publishing' && state !== 'scheduled') throw new Error(`publish_started leads to ${state}, not publishing`);
        const created = await this.publications.create(within, {
          id: publicationId,
          documentId: event.documentId,
          version,
          contentHash,
          agencyId,
          state,
          // A scheduled publication has emitted nothing yet: it knows the secrecy_cleared sequence.
          eventSeq: waitUntil === null ? sequence : event.sequence,
          correlationId: event.correlationId,
          causeEventId: waitUntil === null ? startedId : event.id,
          scheduledAt: schedule?.publishAt ?? null,
        });
        if (!created) {
          this.logger.warn({ ...log, eventId: event.id }, 'version already has a publication: secrecy_cleared ignored');
          return { start: false, scheduledAt: null };
        }
        await this.queue.enqueue({ publicationId, run: 0, correlationId: event.correlationId }, waitUntil, { awaitingCommit: waitUntil === null });
        if (waitUntil !== null) {
          this.logger.info({ ...log, publishAt: waitUntil.toISOString() }, 'publication scheduled');
          return { start: false, scheduledAt: waitUntil };
        }
        this.logger.info({ ...log, sequence }, 'publication started');
        return { start: true, scheduledAt: schedule?.publishAt ?? null };
      },
      emit: ({ start, scheduledAt }) =>
        start
          ? [
              {
                id: startedId,
                type: documentEventName('publish_started'),
                documentId: event.documentId,
                sequence,
                actor: systemActor(agencyId),
                correlationId: event.correlationId,
                causationId: event.id,
                payload: { version, contentHash, publicationId, scheduledAt: scheduledAt?.toISOString() ?? null } satisfies DocumentEventPayloads['publish_started'],
                occurredAt: new Date(),
              },
            ]
          : [],
    });
    return decision.start ? publicationId : null;
  }
}
