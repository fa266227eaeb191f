import { err, ok } from '@sanshen/kernel';
import type { DocumentEventType, DocumentStatus, Result, ReviewLevel, Role } from '@sanshen/kernel';

/** The review level a status waits for, or null when the document is not under review. */
export function reviewLevelOf(status: DocumentStatus): ReviewLevel | null {
  switch (status) {
    case 'pending_l1':
      return 1;
    case 'pending_l2':
      return 2;
    case 'pending_l3':
      return 3;
    default:
      return null;
  }
}

export const APPROVAL_EVENT = {
  1: 'approved_l1',
  2: 'approved_l2',
  3: 'approved_l3',
} as const satisfies Record<ReviewLevel, DocumentEventType>;

export const REVIEWER_ROLE = {
  1: 'dept_head',
  2: 'deputy',
  3: 'principal',
} as const satisfies Record<ReviewLevel, Role>;

export interface ReviewerScope {
  agencyId: string;
  departmentId: string | null;
  oversees: readonly string[];
}

export interface ReviewedDocument {
  agencyId: string;
  departmentId: string;
}

/**
 * Is the reviewer responsible for this document at this level? 一审: the head of its department;
 * 二审: a deputy who oversees that department; 三审: a principal of its agency.
 */
export function isInReviewScope(level: ReviewLevel, reviewer: ReviewerScope, document: ReviewedDocument): boolean {
  if (reviewer.agencyId !== document.agencyId) return false;
  switch (level) {
    case 1:
      return reviewer.departmentId === document.departmentId;
    case 2:
      return reviewer.oversees.includes(document.departmentId);
    case 3:
      return true;
  }
}

export type SeparationError = 'REVIEW.SELF_APPROVAL' | 'REVIEW.ALREADY_SIGNED';

export interface PriorSignature {
  signerId: string;
  /** 1–3 for review levels, 'secrecy' for the secrecy decision. */
  step: ReviewLevel | 'secrecy';
}

/**
 * Separation of duties for one signature on one version: the author signs nothing, and nobody signs
 * two different steps of the same version (signing the same step again after a return is allowed).
 */
export function checkSeparationOfDuties(input: {
  signerId: string;
  authorId: string;
  step: ReviewLevel | 'secrecy';
  priorSignatures: readonly PriorSignature[];
}): Result<true, SeparationError> {
  if (input.signerId === input.authorId) return err('REVIEW.SELF_APPROVAL');
  const otherStep = input.priorSignatures.some((prior) => prior.signerId === input.signerId && prior.step !== input.step);
  return otherStep ? err('REVIEW.ALREADY_SIGNED') : ok(true);
}
