import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { documentEventName, SECRECY_INFO_EVENTS } from '@sanshen/contracts';
import type { ReferredPayload, SecrecyConclusion } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import type { NewEvent } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import type { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from '../../persistence/secrecy-decision.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { assertSeparated } from '../secrecy-guards.js';

export interface Conclusion {
  conclusion: SecrecyConclusion;
  basis: string;
  opinion: string;
  referralDecisionId?: string | null;
  answerReference?: string | null;
}

export interface Concluded {
  decision: SecrecyDecisionOrmEntity;
  /** The event to emit, with the document's next sequence number. */
  event: NewEvent<unknown>;
}

/**
 * Records a 保密审查 conclusion on the locked case, in the caller's transaction (a DocumentTransition's
 * decision), and names its event:
 * `public` → secrecy_cleared (refused while a blocking finding has no disposition), `return` →
 * secrecy_returned with the undisposed findings, `refer` → the document is held (an informational
 * `document.secrecy.referred` event) until the referral's answer is recorded.
 */
@Injectable()
export class ConcludeReview {
  constructor(private readonly secrecy: SecrecyRepository) {}

  async conclude(
    manager: EntityManager,
    actor: Actor,
    secrecyCase: SecrecyCaseOrmEntity,
    conclusion: Conclusion,
    correlationId: string,
  ): Promise<Concluded> {
    const eventType = conclusion.conclusion === 'return' ? 'secrecy_returned' : 'secrecy_cleared';
    const next = assertTransition(secrecyCase.status, eventType, actor);
    assertSeparated(actor, secrecyCase);
    const scan = await this.secrecy.findScan(manager, secrecyCase.documentId, secrecyCase.version);
    if (scan === null) throw new DomainError('SECRECY.SCAN_UNAVAILABLE', { documentId: secrecyCase.documentId, version: secrecyCase.version });
    const open = (await this.secrecy.findings(manager, scan.id)).filter((finding) => finding.disposition === null);
    const openBlocking = open.filter((finding) => finding.severity === 'blocking');
    if (conclusion.conclusion === 'public' && openBlocking.length > 0) {
      throw new DomainError('SECRECY.BLOCKING_FINDINGS_OPEN', { findingIds: openBlocking.map((finding) => finding.id) });
    }
    const decision = Object.assign(new SecrecyDecisionOrmEntity(), {
      id: randomUUID(),
      documentId: secrecyCase.documentId,
      version: secrecyCase.version,
      contentHash: secrecyCase.contentHash,
      conclusion: conclusion.conclusion,
      basis: conclusion.basis.trim(),
      opinion: conclusion.opinion.trim(),
      reviewerId: actor.userId,
      reviewerName: actor.displayName,
      decidedAt: new Date(),
      referralDecisionId: conclusion.referralDecisionId ?? null,
      answerReference: conclusion.answerReference ?? null,
    });
    // Sent behind, as the case below: the transition's COMMIT confirms them.
    writeBehind(manager, this.secrecy.addDecision(manager, decision));
    secrecyCase.eventSeq += 1;
    if (conclusion.conclusion === 'refer') {
      secrecyCase.openReferralId = decision.id;
    } else {
      secrecyCase.status = next;
      secrecyCase.openReferralId = null;
    }
    writeBehind(manager, this.secrecy.updateCase(manager, secrecyCase));
    return { decision, event: this.event(actor, secrecyCase, decision, open.map((finding) => finding.id), correlationId) };
  }

  private event(
    actor: Actor,
    secrecyCase: SecrecyCaseOrmEntity,
    decision: SecrecyDecisionOrmEntity,
    openFindingIds: string[],
    correlationId: string,
  ): NewEvent<unknown> {
    const common = { documentId: secrecyCase.documentId, sequence: secrecyCase.eventSeq, actor, correlationId, occurredAt: decision.decidedAt };
    const ref = { version: secrecyCase.version, contentHash: secrecyCase.contentHash, decisionId: decision.id };
    switch (decision.conclusion) {
      case 'return':
        return { ...common, type: documentEventName('secrecy_returned'), payload: { ...ref, opinion: decision.opinion, findingIds: openFindingIds } };
      case 'public':
        return { ...common, type: documentEventName('secrecy_cleared'), payload: { ...ref, basis: decision.basis, opinion: decision.opinion } };
      case 'refer': {
        const payload: ReferredPayload = { ...ref, basis: decision.basis, opinion: decision.opinion };
        return { ...common, type: SECRECY_INFO_EVENTS.referred, payload };
      }
    }
  }
}
