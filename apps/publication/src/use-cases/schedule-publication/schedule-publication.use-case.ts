import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentAccessView, GetDocumentRequest, ScheduleRequest, ScheduleView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, DocumentStatus } from '@sanshen/kernel';
import { ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PublicationScheduleOrmEntity } from '../../persistence/publication-schedule.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { PushQueue } from '../../queue/push-queue.js';

/** A schedule may be set or moved while the document has not started publishing. */
const SCHEDULABLE: readonly DocumentStatus[] = ['draft', 'pending_l1', 'pending_l2', 'pending_l3', 'pending_secrecy', 'approved'];
const MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * 定时发布: a principal or publisher of the document's agency sets when a version is published. The
 * schedule is stored by document + version; when that version is cleared, publication waits for it
 * (StartPublicationUseCase). Set after clearing, while the publication still waits, it moves the wait.
 */
@Injectable()
export class SchedulePublicationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly queue: PushQueue,
    private readonly drafting: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: ScheduleRequest, correlationId: string, now = new Date()): Promise<ScheduleView> {
    if (!actor.roles.some((role) => role === 'principal' || role === 'publisher')) {
      throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { allowed: ['principal', 'publisher'] });
    }
    const publishAt = new Date(request.publishAt);
    if (Number.isNaN(publishAt.getTime()) || publishAt.getTime() <= now.getTime() || publishAt.getTime() - now.getTime() > MAX_AHEAD_MS) {
      throw new DomainError('PUBLICATION.SCHEDULE_INVALID', { publishAt: request.publishAt });
    }
    // Drafting answers DOCUMENT.NOT_FOUND for another agency's document; no content is needed here.
    const document = await this.drafting.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, {
      actor,
      correlationId,
      payload: { documentId: request.documentId },
    });
    if (document.version !== request.version) {
      throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: document.version, given: request.version });
    }
    if (!SCHEDULABLE.includes(document.status)) throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status: document.status });

    const waiting = await this.dataSource.transaction(async (manager) => {
      await this.publications.lockDocument(manager, request.documentId);
      const publication = await this.publications.findForVersion(manager, request.documentId, request.version);
      if (publication !== null && publication.state !== 'scheduled') {
        throw new DomainError('DOCUMENT.INVALID_TRANSITION', { state: publication.state });
      }
      await this.publications.saveSchedule(
        manager,
        Object.assign(new PublicationScheduleOrmEntity(), {
          documentId: request.documentId,
          version: request.version,
          agencyId: document.agencyId,
          publishAt,
          setBy: actor.userId,
          setAt: now,
        }),
      );
      if (publication !== null) await this.publications.reschedule(manager, publication.id, publishAt);
      return publication;
    });
    if (waiting !== null) {
      await this.queue.reschedule({ publicationId: waiting.id, run: waiting.run, correlationId: waiting.correlationId }, publishAt);
    }
    this.logger.info(
      { documentId: request.documentId, version: request.version, publishAt: publishAt.toISOString(), userId: actor.userId, correlationId },
      'publication scheduled',
    );
    return {
      documentId: request.documentId,
      version: request.version,
      publishAt: publishAt.toISOString(),
      setBy: actor.userId,
      setAt: now.toISOString(),
      state: waiting === null ? 'pending' : 'scheduled',
    };
  }
}
