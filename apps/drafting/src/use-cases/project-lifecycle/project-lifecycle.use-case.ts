import { Inject, Injectable } from '@nestjs/common';
import { lifecycleTypeOf } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import { writeBehind } from '@sanshen/messaging';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { checkTransition, performersOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { returnOf } from './document-return.js';

/** Events that record a decision on a version (a sign-off, a return, secrecy) or its publication: the default base of a diff. */
const DECISIONS: ReadonlySet<string> = new Set([
  'approved_l1',
  'approved_l2',
  'approved_l3',
  'returned',
  'returned_previous',
  'secrecy_cleared',
  'secrecy_returned',
  'published',
]);

/**
 * Keeps drafting's view of a document's status in step with the services that own it after
 * submission, so that a returned document is editable again here and lists show where things are.
 * Events drafting emitted itself are already applied (their sequence is not newer).
 */
@Injectable()
export class ProjectLifecycleUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** The document's row, locked, for a lifecycle event (null otherwise): what `execute` reads first. */
  lock(event: EventEnvelope, manager: EntityManager): Promise<DocumentOrmEntity | null> {
    return lifecycleTypeOf(event.type) === null ? Promise.resolve(null) : this.documents.findForUpdate(manager, event.documentId);
  }

  /**
   * `document`: what `lock` read in this transaction (the consumer reads it along with the inbox
   * statement). Its row goes back behind: the consumer's COMMIT confirms it.
   */
  execute(event: EventEnvelope, manager: EntityManager, document: DocumentOrmEntity | null): void {
    const type = lifecycleTypeOf(event.type);
    if (type === null) return;
    if (document === null || event.sequence <= document.eventSeq) return;
    const transition = checkTransition(document.status, type, performersOf(event.actor));
    if (!transition.ok) {
      this.logger.warn(
        { documentId: event.documentId, eventId: event.id, status: document.status, code: transition.error.code, correlationId: event.correlationId },
        'event does not fit the projected status; keeping the status',
      );
    } else {
      document.status = transition.value;
      if (transition.value === 'pending_secrecy') document.reachedSecrecy = true;
      if (transition.value === 'approved') document.cleared = true;
      const returned = returnOf(event);
      if (returned !== null) document.lastReturn = returned;
    }
    if (DECISIONS.has(type)) {
      const version = (event.payload as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && Number.isInteger(version)) document.decidedVersion = version;
    }
    document.eventSeq = event.sequence;
    writeBehind(manager, this.documents.save(manager, document));
  }
}
