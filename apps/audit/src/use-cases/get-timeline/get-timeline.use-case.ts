import { Inject, Injectable } from '@nestjs/common';
import type { AuditTimelineReply, AuditTimelineRequest, LedgerEntryView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { separationOfDuties, timelineAccess } from '../../domain/ledger-access.js';
import { DocumentStateRepository } from '../../persistence/document-state.repository.js';
import type { LedgerEntryOrmEntity } from '../../persistence/ledger-entry.orm-entity.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';

/** A document's ledger entries in order, for an auditor of its agency or someone who acted on it. */
@Injectable()
export class GetTimelineUseCase {
  constructor(
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(DocumentStateRepository) private readonly documents: DocumentStateRepository,
  ) {}

  async execute(actor: Actor, request: AuditTimelineRequest): Promise<AuditTimelineReply> {
    // An administrator is refused before anything is looked up (三员分立).
    const refusal = separationOfDuties(actor);
    if (refusal) throw new DomainError(refusal.code, { reason: refusal.reason });
    const document = await this.documents.find(request.documentId);
    const scope =
      document === null
        ? null
        : { agencyId: document.agencyId, involved: await this.ledger.isInvolved(request.documentId, actor.userId) };
    const access = timelineAccess(actor, scope);
    if (!access.ok) {
      throw new DomainError(
        access.error.code,
        access.error.code === 'AUDIT.FORBIDDEN' ? { reason: access.error.reason } : { documentId: request.documentId },
      );
    }
    const entries = await this.ledger.timeline(request.documentId);
    return { documentId: request.documentId, entries: entries.map(toView) };
  }
}

function toView(row: LedgerEntryOrmEntity): LedgerEntryView {
  return {
    position: row.position,
    eventId: row.eventId,
    eventType: row.eventType,
    documentId: row.documentId,
    sequence: row.sequence,
    occurredAt: row.envelope.occurredAt,
    recordedAt: row.recordedAt.toISOString(),
    actor: row.envelope.actor,
    correlationId: row.envelope.correlationId,
    causationId: row.envelope.causationId,
    statusAfter: row.statusAfter,
    violation: row.violation?.code ?? null,
    violationDetail: row.violation?.detail ?? null,
    payload: row.envelope.payload,
    documentPrevHash: row.documentPrevHash,
    documentHash: row.documentHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
