import { err, ok } from '@sanshen/kernel';
import type { Actor, ErrorCode, Result } from '@sanshen/kernel';

/** What the ledger knows of a document when someone asks to read it. */
export interface DocumentScope {
  /** The agency the document belongs to (from its facts, else its first event's actor). */
  agencyId: string;
  /** Whether the asking user acted on the document (their id appears as an actor in its ledger). */
  involved: boolean;
}

export type AccessRefusal = { code: Extract<ErrorCode, 'AUDIT.FORBIDDEN' | 'DOCUMENT.NOT_FOUND'>; reason: string };

export type ReadGround = 'auditor' | 'involved';

function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('admin');
}

function isAuditor(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('auditor');
}

/** 三员分立: a system administrator never reads the ledger, whatever else they hold or did. */
export function separationOfDuties(actor: Pick<Actor, 'roles'>): AccessRefusal | null {
  return isAdmin(actor) ? { code: 'AUDIT.FORBIDDEN', reason: 'separation_of_duties' } : null;
}

/**
 * An administrator is refused (separationOfDuties). Auditors
 * read every document of their own agency; anyone else only documents they acted on. A document out
 * of reach is reported as not found, so the answer does not tell whether it exists.
 */
export function timelineAccess(
  actor: Pick<Actor, 'userId' | 'agencyId' | 'roles'>,
  document: DocumentScope | null,
): Result<ReadGround, AccessRefusal> {
  const refusal = separationOfDuties(actor);
  if (refusal) return err(refusal);
  if (document === null) return err({ code: 'DOCUMENT.NOT_FOUND', reason: 'unknown_document' });
  if (isAuditor(actor) && document.agencyId === actor.agencyId) return ok('auditor');
  if (document.involved) return ok('involved');
  return err({ code: 'DOCUMENT.NOT_FOUND', reason: 'out_of_scope' });
}

/** Is this actor allowed to ask for a chain verification at all? Auditors only, never an admin. */
export function verifyAccess(actor: Pick<Actor, 'roles'>): Result<true, AccessRefusal> {
  const refusal = separationOfDuties(actor);
  if (refusal) return err(refusal);
  if (!isAuditor(actor)) return err({ code: 'AUDIT.FORBIDDEN', reason: 'auditor_only' });
  return ok(true);
}

/** Verifying one document's chain: an auditor of the document's agency. */
export function verifyDocumentAccess(
  actor: Pick<Actor, 'agencyId' | 'roles'>,
  document: Pick<DocumentScope, 'agencyId'> | null,
): Result<true, AccessRefusal> {
  const general = verifyAccess(actor);
  if (!general.ok) return general;
  if (document === null) return err({ code: 'DOCUMENT.NOT_FOUND', reason: 'unknown_document' });
  if (document.agencyId !== actor.agencyId) return err({ code: 'DOCUMENT.NOT_FOUND', reason: 'out_of_scope' });
  return ok(true);
}
