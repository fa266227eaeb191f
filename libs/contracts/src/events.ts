import type { DocumentEventType, DocumentKind, ReviewLevel } from '@sanshen/kernel';
import type { EventEnvelope } from './envelope.js';

/** Fields every document lifecycle event carries: the version and content hash it applies to. */
export interface VersionRef {
  version: number;
  contentHash: string;
}

export interface DocumentFacts extends VersionRef {
  agencyId: string;
  departmentId: string;
  authorId: string;
  kind: DocumentKind;
  title: string;
  /** Annual reports only. */
  year?: number | null;
}

export interface SignaturePayload extends VersionRef {
  level: ReviewLevel;
  signerId: string;
  signerName: string;
  comment: string | null;
}

export interface DocumentEventPayloads {
  created: DocumentFacts;
  revised: DocumentFacts & { previousVersion: number };
  submitted: DocumentFacts & { submitterId: string; warningsExplanation?: string | null };
  withdrawn: VersionRef & { reason: string | null };
  approved_l1: SignaturePayload;
  approved_l2: SignaturePayload;
  approved_l3: SignaturePayload;
  returned: VersionRef & { level: ReviewLevel; reason: string; to: 'drafter' | 'previous' };
  /** 驳回上一级: the reviewer at `level` sends the version back to level − 1, whose signature it voids. */
  returned_previous: VersionRef & { level: ReviewLevel; reason: string; to: 'previous' };
  /**
   * A resubmitted version with unchanged content carries `level`'s still-valid signature forward: one
   * event per carried level, emitted by review (actor: the system) right after `submitted`.
   */
  resumed: VersionRef & { level: ReviewLevel; signerId: string; signerName: string };
  secrecy_cleared: VersionRef & { decisionId: string; basis: string; opinion: string };
  secrecy_returned: VersionRef & { decisionId: string; opinion: string; findingIds: string[] };
  publish_started: VersionRef & { publicationId: string; scheduledAt: string | null };
  published: VersionRef & { publicationId: string; url: string; publishedAt: string };
  publish_failed: VersionRef & { publicationId: string; reason: string; attempts: number };
  publish_retried: VersionRef & { publicationId: string };
  retracted: VersionRef & { publicationId: string; reason: string; authorizedBy: string; requestedBy?: string };
  /** A published version is being corrected (更正): back to draft; the page stays live until the new version replaces it. */
  correction_started: VersionRef & { publicationId: string; reason: string | null };
  /** 删除草稿: a draft that was never published leaves every list; its history stays in the ledger. */
  discarded: VersionRef & { reason: string };
}

/** Schema version of each lifecycle event's payload; bump only with a V2 beside V1 (STYLE.md). */
export const DOCUMENT_EVENT_SCHEMA_VERSION = 1;

export type DocumentEventName<T extends DocumentEventType = DocumentEventType> = `document.${T}`;

export type DocumentEvent<T extends DocumentEventType = DocumentEventType> = EventEnvelope<
  DocumentEventName<T>,
  DocumentEventPayloads[T]
>;

export function documentEventName<T extends DocumentEventType>(type: T): DocumentEventName<T> {
  return `document.${type}`;
}

/** `document.submitted` → `submitted`; null for events of other aggregates. */
export function lifecycleTypeOf(eventType: string): DocumentEventType | null {
  if (!eventType.startsWith('document.')) return null;
  return eventType.slice('document.'.length) as DocumentEventType;
}

export function isDocumentEvent<T extends DocumentEventType>(
  event: EventEnvelope,
  type: T,
): event is DocumentEvent<T> {
  return event.type === documentEventName(type);
}
