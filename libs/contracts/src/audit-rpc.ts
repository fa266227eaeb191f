import type { EventActor } from './envelope.js';

/** RPC patterns of the audit service. Wire contracts: never rename. */
export const AUDIT_RPC = {
  timeline: 'audit.timeline.get',
  verify: 'audit.chain.verify',
  /** The entries recorded in [from, to) as JSON Lines with a final digest line (auditors only). */
  export: 'audit.ledger.export',
} as const;

export interface AuditTimelineRequest {
  documentId: string;
}

export interface LedgerEntryView {
  /** Position in the global chain (1-based). */
  position: number;
  eventId: string;
  eventType: string;
  documentId: string;
  sequence: number;
  occurredAt: string;
  recordedAt: string;
  actor: EventActor;
  /** The request that caused the event (X-Correlation-Id), carried HTTP → NATS → event. */
  correlationId: string;
  causationId: string | null;
  /** Status of the document after this event, per the ledger's own fold of the state machine. */
  statusAfter: string | null;
  /** Set when the event was not a legal transition from the ledger's state for the document. */
  violation: string | null;
  /** What the rulebook said about the violation (the expected state, version or signer); null when legal. */
  violationDetail?: string | null;
  payload: unknown;
  documentPrevHash: string;
  documentHash: string;
  prevHash: string;
  hash: string;
}

export interface AuditTimelineReply {
  documentId: string;
  entries: LedgerEntryView[];
}

export interface AuditVerifyRequest {
  documentId?: string;
}

export interface AuditVerifyReply {
  ok: boolean;
  checked: number;
  firstBroken?: {
    position: number;
    eventId: string;
    reason: string;
    /**
     * Stable code of the break: ENVELOPE_MISMATCH, ENTRY_HASH_MISMATCH, CHAIN_LINK_BROKEN,
     * POSITION_GAP, DOCUMENT_HASH_MISMATCH, DOCUMENT_LINK_BROKEN, HEAD_MISMATCH (docs/audit.md).
     */
    code?: string;
  };
}

export interface AuditExportRequest {
  /** ISO 8601; inclusive. */
  from: string;
  /** ISO 8601; exclusive. At most 366 days after `from`. */
  to: string;
}

export interface AuditExportReply {
  /** One JSON object per line, entries in ledger order, then the digest line; ends with a newline. */
  jsonl: string;
  count: number;
}
