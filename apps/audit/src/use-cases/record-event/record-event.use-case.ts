import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sanshen/contracts';
import { canonicalJson } from '@sanshen/kernel';
import { ROOT_LOGGER, ledgerAppendDuration } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, chainHash } from '../../domain/ledger-chain.js';
import { judgeEvent } from '../../domain/lifecycle-verdict.js';
import type { Violation } from '../../domain/lifecycle-verdict.js';
import { DocumentStateRepository } from '../../persistence/document-state.repository.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';

export interface RecordedEntry {
  position: number;
  hash: string;
  documentHash: string;
  violation: Violation | null;
}

/**
 * Appends one event to the ledger in the consumer's transaction (with its inbox row): checks it
 * against the ledger's own state of the document, chains it per document and globally, and keeps the
 * new state. An illegal event is appended all the same, with its violation, and logged as a warning.
 */
@Injectable()
export class RecordEventUseCase {
  private readonly logger: Logger;

  constructor(
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(DocumentStateRepository) private readonly documents: DocumentStateRepository,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'ledger' });
  }

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<RecordedEntry> {
    const timer = ledgerAppendDuration.startTimer();
    try {
      return await this.append(envelope, manager);
    } finally {
      timer();
    }
  }

  private async append(envelope: EventEnvelope, manager: EntityManager): Promise<RecordedEntry> {
    // The head first, always: every append takes the same lock in the same order, so two appends
    // (two replicas, or a replay beside a delivery) serialize here and never deadlock. Both reads go
    // out together on the transaction's connection (pipelined), which runs them in that order.
    const [head, document] = await Promise.all([this.ledger.lockHead(manager), this.documents.lockForAppend(manager, envelope.documentId)]);

    const verdict = judgeEvent(document?.state ?? null, envelope);
    const canonical = canonicalJson(envelope);
    const position = head.position + 1;
    const prevHash = head.hash;
    const documentPrevHash = document?.lastHash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, canonical);
    const documentHash = chainHash(documentPrevHash, canonical);

    await this.ledger.append(
      manager,
      { position, envelope, canonical, documentPrevHash, documentHash, prevHash, hash, statusAfter: verdict.state?.status ?? null, violation: verdict.violation },
      { agencyId: agencyOf(envelope), state: verdict.state },
    );

    if (verdict.violation) {
      this.logger.warn(
        {
          eventId: envelope.id,
          eventType: envelope.type,
          documentId: envelope.documentId,
          sequence: envelope.sequence,
          actorId: envelope.actor.userId,
          position,
          violation: verdict.violation,
          correlationId: envelope.correlationId,
        },
        'ledger violation: event is not a legal transition from the recorded state',
      );
    }
    return { position, hash, documentHash, violation: verdict.violation };
  }
}

/** The document's agency: its facts say so (created, revised, submitted); else the actor's agency. */
function agencyOf(envelope: EventEnvelope): string {
  const payload = envelope.payload as { agencyId?: unknown } | null;
  if (typeof payload === 'object' && payload !== null && typeof payload.agencyId === 'string' && payload.agencyId !== '') {
    return payload.agencyId;
  }
  return envelope.actor.agencyId;
}
