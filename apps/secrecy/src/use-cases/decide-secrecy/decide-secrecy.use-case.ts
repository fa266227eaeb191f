import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, documentEventName } from '@sanshen/contracts';
import type { Actor, SecrecyDecisionRequest, SecrecyDecisionView } from '@sanshen/contracts';
import type { NewEvent } from '@sanshen/messaging';
import { EventOutbox, assertTransition } from '@sanshen/platform';
import { checkSeparationOfDuties } from '@sanshen/workflow';
import { DataSource } from 'typeorm';
import type { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { SecrecyDecisionOrmEntity } from '../../persistence/secrecy-decision.orm-entity.js';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { toDecisionView } from '../secrecy-view.js';

/**
 * The secrecy officer's decision (保密审查表) on the exact version that passed 三审: `public` clears
 * it for publication, `return` sends it back to the drafter, `refer` holds it for the 保密行政管理部门.
 */
@Injectable()
export class DecideSecrecyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrecy: SecrecyRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, request: SecrecyDecisionRequest, correlationId: string): Promise<SecrecyDecisionView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const secrecyCase = await this.secrecy.lockCase(manager, request.documentId);
      if (secrecyCase === null || secrecyCase.agencyId !== actor.agencyId) throw new DomainError('DOCUMENT.NOT_FOUND');
      if (secrecyCase.version !== request.version) {
        throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: secrecyCase.version, given: request.version });
      }
      const eventType = request.conclusion === 'return' ? 'secrecy_returned' : 'secrecy_cleared';
      const next = assertTransition(secrecyCase.status, eventType, actor);
      this.assertSeparated(actor, secrecyCase);
      const decision = Object.assign(new SecrecyDecisionOrmEntity(), {
        id: randomUUID(),
        documentId: secrecyCase.documentId,
        version: secrecyCase.version,
        contentHash: secrecyCase.contentHash,
        conclusion: request.conclusion,
        basis: request.basis.trim(),
        opinion: request.opinion.trim(),
        reviewerId: actor.userId,
        reviewerName: actor.displayName,
        decidedAt: new Date(),
      });
      await this.secrecy.addDecision(manager, decision);
      if (request.conclusion !== 'refer') {
        secrecyCase.status = next;
        secrecyCase.eventSeq += 1;
        await this.secrecy.saveCase(manager, secrecyCase);
        await this.outbox.emit(manager, [this.event(actor, secrecyCase, decision, correlationId)]);
      }
      return toDecisionView(decision);
    });
    this.outbox.published();
    return view;
  }

  private assertSeparated(actor: Actor, secrecyCase: SecrecyCaseOrmEntity): void {
    const sod = checkSeparationOfDuties({
      signerId: actor.userId,
      authorId: secrecyCase.authorId,
      step: 'secrecy',
      priorSignatures: secrecyCase.reviewSigners.map((signer) => ({ signerId: signer.signerId, step: signer.level })),
    });
    if (!sod.ok) throw new DomainError(sod.error === 'REVIEW.ALREADY_SIGNED' ? 'SECRECY.REVIEWER_SIGNED' : sod.error);
  }

  private event(
    actor: Actor,
    secrecyCase: SecrecyCaseOrmEntity,
    decision: SecrecyDecisionOrmEntity,
    correlationId: string,
  ): NewEvent<unknown> {
    const common = {
      documentId: secrecyCase.documentId,
      sequence: secrecyCase.eventSeq,
      actor,
      correlationId,
      occurredAt: decision.decidedAt,
    };
    const ref = { version: secrecyCase.version, contentHash: secrecyCase.contentHash, decisionId: decision.id };
    return decision.conclusion === 'return'
      ? { ...common, type: documentEventName('secrecy_returned'), payload: { ...ref, opinion: decision.opinion, findingIds: [] } }
      : { ...common, type: documentEventName('secrecy_cleared'), payload: { ...ref, basis: decision.basis, opinion: decision.opinion } };
  }
}
