import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SECRECY_INFO_EVENTS } from '@sanshen/contracts';
import type { DisposeFindingRequest, FindingDisposedPayload, SecrecyFindingView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import { DictionaryRepository } from '../../persistence/dictionary.repository.js';
import type { SecrecyFindingOrmEntity } from '../../persistence/secrecy-finding.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { assertSeparated, assertUnderSecrecyReview, caseInAgency } from '../secrecy-guards.js';
import { DictionaryPublisher } from '../publish-dictionary/dictionary-publisher.js';
import { toFindingView } from '../secrecy-view.js';

/**
 * Findings whose text must never become a dictionary-wide exception: personal data (the exception
 * list is readable by every agency's admins and officers) and classification marks.
 */
const NEVER_WHITELISTED: ReadonlySet<string> = new Set(['id_card_number', 'mobile_number', 'bank_card_number', 'personal_email', 'classification_mark']);

/**
 * A disposition of one finding of the version under secrecy review, with its reason and who made
 * it, into the ledger (`document.secrecy.finding_disposed`, the document's next sequence number):
 * - `ignored` — once, for this version: a secrecy officer of the agency who did not write or sign it;
 * - `whitelisted` — a secrecy officer as above (the one who reads the document; the administrator reads
 *   no document content): the matched text becomes a dictionary exception (a new dictionary version,
 *   which the administrator can remove); never for personal data or classification marks;
 * - `fixed` — only by a new version: refused here (the officer returns the document instead).
 */
@Injectable()
export class DisposeFindingUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly secrecy: SecrecyRepository,
    private readonly dictionary: DictionaryRepository,
    private readonly publisher: DictionaryPublisher,
  ) {}

  async execute(actor: Actor, request: DisposeFindingRequest, correlationId: string): Promise<SecrecyFindingView> {
    const reason = request.reason.trim();
    if (reason === '') throw new DomainError('SECRECY.REASON_REQUIRED');
    if (request.disposition === 'fixed') throw new DomainError('SECRECY.FIX_NEEDS_NEW_VERSION');
    const { decision: finding } = await this.transition.run({
      lock: async (manager) => caseInAgency(await this.secrecy.lockCase(manager, request.documentId), actor),
      decide: async (secrecyCase, manager) => {
        const finding = await this.secrecy.lockFinding(manager, request.findingId);
        if (finding === null || finding.documentId !== secrecyCase.documentId || finding.version !== secrecyCase.version) {
          throw new DomainError('SECRECY.FINDING_NOT_FOUND', { findingId: request.findingId });
        }
        assertUnderSecrecyReview(secrecyCase, SECRECY_INFO_EVENTS.findingDisposed);
        if (finding.disposition !== null) throw new DomainError('SECRECY.FINDING_ALREADY_DISPOSED', { disposition: finding.disposition });
        if (!actor.roles.includes('secrecy_officer')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { allowed: ['secrecy_officer'] });
        assertSeparated(actor, secrecyCase);
        if (request.disposition === 'whitelisted' && NEVER_WHITELISTED.has(finding.type)) {
          throw new DomainError('SECRECY.WHITELIST_NOT_ALLOWED', { type: finding.type });
        }
        const at = new Date();
        const dictionaryVersion = request.disposition === 'whitelisted' ? await this.whitelist(manager, actor, finding, reason, at, correlationId) : null;
        Object.assign(finding, {
          disposition: request.disposition,
          dispositionReason: reason,
          disposedById: actor.userId,
          disposedByName: actor.displayName,
          disposedAt: at,
        });
        await this.secrecy.saveFinding(manager, finding);
        secrecyCase.eventSeq += 1;
        await this.secrecy.updateCase(manager, secrecyCase);
        return { finding, dictionaryVersion, at };
      },
      emit: ({ finding, dictionaryVersion, at }, secrecyCase) => {
        const payload: FindingDisposedPayload = {
          version: secrecyCase.version,
          contentHash: secrecyCase.contentHash,
          findingId: finding.id,
          findingType: finding.type,
          severity: finding.severity,
          section: finding.section,
          disposition: request.disposition,
          reason,
          dictionaryVersion,
        };
        return [{ type: SECRECY_INFO_EVENTS.findingDisposed, documentId: secrecyCase.documentId, sequence: secrecyCase.eventSeq, actor, correlationId, occurredAt: at, payload }];
      },
    });
    return toFindingView(finding.finding);
  }

  /** The matched text becomes an exception phrase (unless it already is one): a new dictionary version. */
  private async whitelist(manager: EntityManager, actor: Actor, finding: SecrecyFindingOrmEntity, reason: string, at: Date, correlationId: string): Promise<number | null> {
    if ((await this.dictionary.liveExceptionByPhrase(manager, finding.matched)) !== null) return null;
    const id = randomUUID();
    const version = await this.dictionary.openVersion(manager, actor, reason, {
      op: 'add',
      kind: 'exception',
      id,
      summary: `${finding.matched}（文档 ${finding.documentId} 第${finding.version}版检查问题加入例外）`,
    }, at);
    await this.dictionary.addException(manager, { id, phrase: finding.matched, reason, findingId: finding.id }, version);
    await this.publisher.emit(manager, actor, version, correlationId, at);
    return version;
  }
}
