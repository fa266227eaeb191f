import { Inject, Injectable } from '@nestjs/common';
import type { AuditVerifyReply, AuditVerifyRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { verifyDocumentAccess } from '../../domain/ledger-access.js';
import { DocumentChainVerifier, GENESIS_HASH } from '../../domain/ledger-chain.js';
import type { ChainBreak } from '../../domain/ledger-chain.js';
import { DocumentStateRepository } from '../../persistence/document-state.repository.js';
import { LedgerRepository, toStoredEntry } from '../../persistence/ledger.repository.js';

/**
 * Recomputes one document's chain from the stored canonical text on request (a document has few
 * entries) and names the first broken entry. Reads one snapshot (REPEATABLE READ), so appends
 * running meanwhile neither break nor extend what is checked. The global chain is verified in the
 * background (RunChainVerificationUseCase).
 */
@Injectable()
export class VerifyDocumentChainUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(DocumentStateRepository) private readonly documents: DocumentStateRepository,
  ) {}

  async execute(actor: Actor, request: AuditVerifyRequest): Promise<AuditVerifyReply> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const document = await this.documents.find(request.documentId, manager);
      const access = verifyDocumentAccess(actor, document);
      if (!access.ok) throw new DomainError(access.error.code, access.error.code === 'AUDIT.FORBIDDEN' ? { reason: access.error.reason } : { documentId: request.documentId });
      const entries = (await this.ledger.timeline(request.documentId, manager)).map(toStoredEntry);
      const predecessors = await this.ledger.hashesAt(
        manager,
        entries.map((entry) => entry.position - 1).filter((position) => position > 0),
      );
      predecessors.set(0, GENESIS_HASH);
      const verifier = new DocumentChainVerifier();
      for (const entry of entries) {
        const broken = verifier.accept(entry, predecessors.get(entry.position - 1));
        if (broken) return reply(verifier.checked, broken);
      }
      const head =
        document === null
          ? null
          : { entryCount: document.entryCount, lastHash: document.lastHash, lastPosition: document.lastPosition, lastEventId: document.lastEventId };
      return reply(verifier.checked, verifier.finish(head, entries.at(-1) ?? null));
    });
  }
}

function reply(checked: number, broken: ChainBreak | null): AuditVerifyReply {
  if (broken === null) return { ok: true, checked };
  return { ok: false, checked, firstBroken: breakView(broken) };
}

/** A break as the contracts carry it. */
export function breakView(broken: ChainBreak): NonNullable<AuditVerifyReply['firstBroken']> {
  return { position: broken.position, eventId: broken.eventId, reason: broken.reason, code: broken.code };
}
