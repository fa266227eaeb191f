import type { EventActor } from './envelope.js';

/** RPC patterns of the audit service. Wire contracts: never rename. */
export const AUDIT_RPC = {
  timeline: 'audit.timeline.get',
  /** One document's chain, recomputed on request. */
  verify: 'audit.chain.verify',
  /** The global chain: the last background verification's result and age. */
  status: 'audit.chain.status',
  /** Starts a full background verification now (auditors only). */
  run: 'audit.chain.run',
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
  documentId: string;
}

/** The first broken entry of a chain. */
export interface ChainBreakView {
  position: number;
  eventId: string;
  reason: string;
  /**
   * Stable code of the break: ENVELOPE_MISMATCH, ENTRY_HASH_MISMATCH, CHAIN_LINK_BROKEN,
   * POSITION_GAP, DOCUMENT_HASH_MISMATCH, DOCUMENT_LINK_BROKEN, HEAD_MISMATCH (docs/audit.md).
   */
  code?: string;
}

/** One document's chain, verified on request. */
export interface AuditVerifyReply {
  ok: boolean;
  checked: number;
  firstBroken?: ChainBreakView;
}

/** A background verification of the global chain in progress. */
export interface ChainVerificationRunView {
  runId: number;
  mode: 'full' | 'incremental';
  startedAt: string;
  /** Entries checked so far (updated every few thousand). */
  checked: number;
  /** The position it checks up to: the head when it started. */
  headPosition: number;
}

/** The global chain as the last background verification found it (the reply to `audit.chain.status`). */
export interface AuditChainStatusReply {
  /** The last finished run's verdict; null before the first run finished. */
  ok: boolean | null;
  /** That run's id, mode and end; its age in whole seconds when this reply was made. */
  runId: number | null;
  mode: 'full' | 'incremental' | null;
  verifiedAt: string | null;
  ageSeconds: number | null;
  /** Entries that run checked (an incremental run: those after the previous checkpoint). */
  checked: number;
  /** Positions 1…throughPosition are verified intact; throughHash is the hash at throughPosition. */
  throughPosition: number;
  throughHash: string | null;
  /** The ledger's head now: entries after throughPosition wait for the next run. */
  headPosition: number;
  /** When a full run (from the genesis) last found the chain intact. */
  lastFullVerifiedAt: string | null;
  firstBroken?: ChainBreakView;
  /** The run in progress, if any. */
  running: ChainVerificationRunView | null;
}

/** The reply to `audit.chain.run`: whether a run started, and the id of the one started or already running. */
export interface AuditVerificationRunReply {
  started: boolean;
  runId: number | null;
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
