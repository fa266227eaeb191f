import type { DelegatedDuty, DocumentStatus, Role } from '@sanshen/kernel';

/**
 * Who may read a document (least privilege; what is not visible does not exist for the reader):
 * - the drafters and the head of its own department;
 * - the deputies who oversee that department;
 * - the principal(s) of its agency;
 * - the agency's secrecy officers once it has reached `pending_secrecy` (and from then on);
 * - the agency's publishers once secrecy has cleared it (and from then on);
 * - a delegate, for the delegation's period, what the delegator's review duty needs.
 * The system administrator and the security auditor read no document content (三员分立).
 * The public reads published documents through the portal, not through this policy.
 */

/** What the policy needs to know of the reader: the actor, with the review duties delegated to them. */
export interface DocumentReader {
  agencyId: string;
  departmentId: string | null;
  roles: readonly Role[];
  oversees: readonly string[];
  delegatedDuties?: readonly DelegatedDuty[] | undefined;
}

/** What the policy needs to know of a document. */
export interface DocumentReadFacts {
  agencyId: string;
  departmentId: string;
  /** It has been at `pending_secrecy` at least once. */
  reachedSecrecy: boolean;
  /** Secrecy review has cleared it at least once. */
  cleared: boolean;
}

/**
 * The documents a reader may read, as a predicate a query can apply:
 * agency = agencyId AND (allDepartments OR department ∈ departmentIds OR
 * (fromSecrecy AND reachedSecrecy) OR (fromClearance AND cleared)).
 * `null`: no document at all.
 */
export interface ReadScope {
  agencyId: string;
  allDepartments: boolean;
  departmentIds: string[];
  fromSecrecy: boolean;
  fromClearance: boolean;
}

/** Statuses a document is in once secrecy review has cleared it (until a correction reopens it). */
const CLEARED_STATUSES: ReadonlySet<DocumentStatus> = new Set(['approved', 'publishing', 'published', 'publish_failed', 'retracted']);

export function isClearedStatus(status: DocumentStatus): boolean {
  return CLEARED_STATUSES.has(status);
}

/** Roles that never read document content, whatever else the user holds. */
const CONTENT_BLIND: readonly Role[] = ['admin', 'auditor'];

interface Grounds {
  allDepartments: boolean;
  departmentIds: Set<string>;
  fromSecrecy: boolean;
  fromClearance: boolean;
}

/** What one set of roles (own or delegated) lets its holder read. */
function addGrounds(grounds: Grounds, roles: readonly Role[], departmentId: string | null, oversees: readonly string[], reviewOnly: boolean): void {
  for (const role of roles) {
    switch (role) {
      case 'principal':
        grounds.allDepartments = true;
        break;
      case 'deputy':
        for (const id of oversees) grounds.departmentIds.add(id);
        break;
      case 'dept_head':
        if (departmentId !== null) grounds.departmentIds.add(departmentId);
        break;
      case 'drafter':
        if (!reviewOnly && departmentId !== null) grounds.departmentIds.add(departmentId);
        break;
      case 'secrecy_officer':
        if (!reviewOnly) grounds.fromSecrecy = true;
        break;
      case 'publisher':
        if (!reviewOnly) grounds.fromClearance = true;
        break;
      case 'admin':
      case 'auditor':
        break;
      default: {
        const unhandled: never = role;
        throw new Error(`unhandled role ${String(unhandled)}`);
      }
    }
  }
}

/** A delegation in force at `now`: from ≤ now < until. */
function inForce(duty: DelegatedDuty, now: Date): boolean {
  const at = now.getTime();
  return Date.parse(duty.from) <= at && at < Date.parse(duty.until);
}

export function readScopeOf(reader: DocumentReader, now: Date): ReadScope | null {
  if (reader.roles.some((role) => CONTENT_BLIND.includes(role))) return null;
  const grounds: Grounds = { allDepartments: false, departmentIds: new Set(), fromSecrecy: false, fromClearance: false };
  addGrounds(grounds, reader.roles, reader.departmentId, reader.oversees, false);
  for (const duty of reader.delegatedDuties ?? []) {
    // Only review duties are delegated (三审); a delegation names its own agency's reviewer.
    if (inForce(duty, now)) addGrounds(grounds, duty.roles, duty.departmentId, duty.oversees, true);
  }
  if (!grounds.allDepartments && grounds.departmentIds.size === 0 && !grounds.fromSecrecy && !grounds.fromClearance) return null;
  return {
    agencyId: reader.agencyId,
    allDepartments: grounds.allDepartments,
    departmentIds: [...grounds.departmentIds].sort(),
    fromSecrecy: grounds.fromSecrecy,
    fromClearance: grounds.fromClearance,
  };
}

export function isInReadScope(scope: ReadScope | null, document: DocumentReadFacts): boolean {
  if (scope === null || document.agencyId !== scope.agencyId) return false;
  return (
    scope.allDepartments ||
    scope.departmentIds.includes(document.departmentId) ||
    (scope.fromSecrecy && document.reachedSecrecy) ||
    (scope.fromClearance && document.cleared)
  );
}

export function canReadDocument(reader: DocumentReader, document: DocumentReadFacts, now: Date): boolean {
  return isInReadScope(readScopeOf(reader, now), document);
}

/**
 * The read facts of a document that secrecy review has cleared are final: its agency and department
 * never change, `reachedSecrecy` and `cleared` only ever turn true, and a cleared document is never
 * discarded (drafting refuses). From then on who reads it depends on the reader alone, so these facts
 * may be kept and the policy applied to each reader without asking drafting again. `null` while the
 * document has not been cleared (it may still be discarded, or reach secrecy review).
 */
export function finalReadFacts(facts: DocumentReadFacts): DocumentReadFacts | null {
  if (!facts.cleared) return null;
  return { agencyId: facts.agencyId, departmentId: facts.departmentId, reachedSecrecy: facts.reachedSecrecy, cleared: true };
}
