import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { canReadDocument, checkSeparationOfDuties, isClearedStatus } from '@sanshen/workflow';
import type { SecrecyCaseOrmEntity } from '../persistence/secrecy-case.orm-entity.js';

/**
 * The case of a document the actor may read (the document visibility policy, on what secrecy knows of
 * it: a case is opened at submission to follow review), or the same not-found as an unknown one.
 */
export function caseInAgency(secrecyCase: SecrecyCaseOrmEntity | null, actor: Actor, now = new Date()): SecrecyCaseOrmEntity {
  const facts =
    secrecyCase === null
      ? null
      : { agencyId: secrecyCase.agencyId, departmentId: secrecyCase.departmentId, reachedSecrecy: secrecyCase.reachedSecrecy, cleared: isClearedStatus(secrecyCase.status) };
  if (secrecyCase === null || facts === null || !canReadDocument(actor, facts, now)) throw new DomainError('DOCUMENT.NOT_FOUND');
  return secrecyCase;
}

export function assertVersion(secrecyCase: SecrecyCaseOrmEntity, version: number): void {
  if (secrecyCase.version !== version) {
    throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: secrecyCase.version, given: version });
  }
}

/** Nobody who wrote the version or signed one of its review levels takes part in its secrecy review. */
export function assertSeparated(actor: Actor, secrecyCase: SecrecyCaseOrmEntity): void {
  const sod = checkSeparationOfDuties({
    signerId: actor.userId,
    authorId: secrecyCase.authorId,
    step: 'secrecy',
    priorSignatures: secrecyCase.reviewSigners.map((signer) => ({ signerId: signer.signerId, step: signer.level })),
  });
  if (!sod.ok) throw new DomainError(sod.error === 'REVIEW.ALREADY_SIGNED' ? 'SECRECY.REVIEWER_SIGNED' : sod.error);
}

export function assertUnderSecrecyReview(secrecyCase: SecrecyCaseOrmEntity, event: string): void {
  if (secrecyCase.status !== 'pending_secrecy') {
    throw new DomainError('DOCUMENT.INVALID_TRANSITION', { from: secrecyCase.status, event });
  }
}
