import { lifecycleTypeOf } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import { isDocumentEventType } from '@sanshen/kernel';
import type { DocumentStatus } from '@sanshen/kernel';
import { applyLifecycleEvent, performersOf } from '@sanshen/workflow';
import type { LifecycleError, LifecycleEvent, LifecycleState } from '@sanshen/workflow';

/** Why an event is not a legal transition from the ledger's own state for its document. */
export interface Violation {
  /** A rulebook code (DOCUMENT.INVALID_TRANSITION, REVIEW.SELF_APPROVAL, …) or one of the ledger's own. */
  code: string;
  detail: string;
  /** The ledger's status of the document when the event arrived (null: no legal `created` yet). */
  from: DocumentStatus | null;
}

/** Codes the ledger adds to the rulebook's for events it cannot even put to the rulebook. */
export const LEDGER_VIOLATION_CODES = {
  unknownType: 'AUDIT.UNKNOWN_EVENT_TYPE',
  malformedPayload: 'AUDIT.MALFORMED_PAYLOAD',
} as const;

export interface LedgerVerdict {
  /** The state to keep for the document: the next one if legal, else the state unchanged. */
  state: LifecycleState | null;
  violation: Violation | null;
}

/**
 * Checks one event against the ledger's state for its document with the shared rulebook. A legal
 * event moves the state; an illegal one leaves it as it was and says why. Never throws: every event
 * is recorded, whatever it says.
 */
export function judgeEvent(state: LifecycleState | null, envelope: EventEnvelope): LedgerVerdict {
  const from = state?.status ?? null;
  const type = lifecycleTypeOf(envelope.type);
  // Informational events (document.secrecy.finding_disposed, document.publication.retraction_requested, …): recorded in
  // the chain, no transition, no violation.
  if (type !== null && isInformationalType(type)) return { state, violation: null };
  if (type === null || !isDocumentEventType(type)) {
    return {
      state,
      violation: { code: LEDGER_VIOLATION_CODES.unknownType, detail: `${envelope.type} is not a lifecycle event`, from },
    };
  }
  const payload = (typeof envelope.payload === 'object' && envelope.payload !== null ? envelope.payload : {}) as Record<
    string,
    unknown
  >;
  const { version, contentHash, authorId } = payload;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || typeof contentHash !== 'string' || contentHash === '') {
    return {
      state,
      violation: {
        code: LEDGER_VIOLATION_CODES.malformedPayload,
        detail: `${type}: payload lacks a version (positive integer) and contentHash`,
        from,
      },
    };
  }
  const event: LifecycleEvent = {
    type,
    actorId: envelope.actor.userId,
    performers: performersOf(envelope.actor),
    version,
    contentHash,
    ...(type === 'created' && typeof authorId === 'string' && authorId !== '' ? { authorId } : {}),
  };
  const applied = applyLifecycleEvent(state, event);
  if (applied.ok) return { state: applied.value, violation: null };
  return { state, violation: { code: applied.error.code, detail: describe(applied.error, event), from } };
}

/** `secrecy.<what>`, `publication.<what>`: a per-document record of that service that moves no state. */
export function isInformationalType(type: string): boolean {
  return /^(secrecy|publication)\.[a-z_]+$/.test(type);
}

function describe(error: LifecycleError & { allowed?: readonly string[] }, event: LifecycleEvent): string {
  const parts = [`${error.event} from ${error.from ?? '(no document)'}`];
  if (error.allowed) parts.push(`allowed: ${error.allowed.join(', ')}; actor ${event.actorId} has ${event.performers.join(', ') || 'no role'}`);
  if (error.detail) parts.push(error.detail);
  return parts.join('; ');
}
