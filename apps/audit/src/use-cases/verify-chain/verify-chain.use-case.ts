import { Inject, Injectable } from '@nestjs/common';
import type { AuditVerifyReply, AuditVerifyRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ledgerLastVerified } from '@sanshen/platform/core';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { verifyAccess, verifyDocumentAccess } from '../../domain/ledger-access.js';
import { DocumentChainVerifier, GENESIS_HASH, GlobalChainVerifier } from '../../domain/ledger-chain.js';
import type { ChainBreak } from '../../domain/ledger-chain.js';
import { DocumentStateRepository } from '../../persistence/document-state.repository.js';
import { LedgerRepository, toStoredEntry } from '../../persistence/ledger.repository.js';

const BATCH_SIZE = 500;

/**
 * Recomputes the chain from the stored canonical text, the whole global chain or one document's,
 * and names the first broken entry. Reads one snapshot (REPEATABLE READ), so appends running
 * meanwhile neither break nor extend what is checked.
 */
@Injectable()
export class VerifyChainUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LedgerRepository) private readonly ledger: LedgerRepository,
    @Inject(DocumentStateRepository) private readonly documents: DocumentStateRepository,
  ) {}

  async execute(actor: Actor, request: AuditVerifyRequest): Promise<AuditVerifyReply> {
    const access = verifyAccess(actor);
    if (!access.ok) throw new DomainError(access.error.code, { reason: access.error.reason });
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return request.documentId === undefined
        ? this.verifyGlobal(manager)
        : this.verifyDocument(manager, actor, request.documentId);
    });
  }

  private async verifyGlobal(manager: EntityManager): Promise<AuditVerifyReply> {
    const verifier = new GlobalChainVerifier();
    const head = await this.ledger.head(manager);
    let after = 0;
    for (;;) {
      const batch = await this.ledger.batchAfter(manager, after, BATCH_SIZE);
      for (const entry of batch) {
        const broken = verifier.accept(entry);
        if (broken) return reply(verifier.checked, broken);
      }
      if (batch.length < BATCH_SIZE) break;
      after = batch[batch.length - 1].position;
    }
    const result = reply(verifier.checked, verifier.finish(head));
    if (result.ok) ledgerLastVerified.set(Date.now() / 1000);
    return result;
  }

  private async verifyDocument(manager: EntityManager, actor: Actor, documentId: string): Promise<AuditVerifyReply> {
    const document = await this.documents.find(documentId, manager);
    const access = verifyDocumentAccess(actor, document);
    if (!access.ok) throw new DomainError(access.error.code, { documentId });
    const entries = (await this.ledger.timeline(documentId, manager)).map(toStoredEntry);
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
        : {
            entryCount: document.entryCount,
            lastHash: document.lastHash,
            lastPosition: document.lastPosition,
            lastEventId: document.lastEventId,
          };
    return reply(verifier.checked, verifier.finish(head, entries.at(-1) ?? null));
  }
}

function reply(checked: number, broken: ChainBreak | null): AuditVerifyReply {
  if (broken === null) return { ok: true, checked };
  return {
    ok: false,
    checked,
    firstBroken: { position: broken.position, eventId: broken.eventId, reason: broken.reason, code: broken.code },
  };
}
