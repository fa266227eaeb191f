import type { DocumentKind, DocumentStatus, ReviewLevel } from '@sanshen/kernel';

/** Review's record of a submitted document, as the review rules see it: which version, at which level. */
export interface ReviewCase {
  documentId: string;
  agencyId: string;
  departmentId: string;
  authorId: string;
  submitterId: string;
  submitterName: string;
  kind: DocumentKind;
  title: string;
  version: number;
  contentHash: string;
  status: DocumentStatus;
  /** The document's last sequence number review has seen or emitted. */
  eventSeq: number;
  submittedAt: Date;
  /** When the current level's task opened. */
  stageEnteredAt: Date;
  /** The level that last returned this version to the drafter: an unchanged resubmission resumes there. */
  returnedLevel: ReviewLevel | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

export type ReviewDecisionKind = 'approved' | 'returned' | 'returned_previous';

/** A reviewer's signature: it binds (document, version, content hash) at one level. */
export interface ReviewSignature {
  documentId: string;
  version: number;
  contentHash: string;
  level: ReviewLevel;
  decision: ReviewDecisionKind;
  signerId: string;
  signerName: string;
  comment: string | null;
  /** Set when signed under a delegation: the reviewer the signer stood in for. */
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
}

/** A signature as recorded: when it was signed (the approval sheet shows it). */
export interface RecordedSignature extends ReviewSignature {
  signedAt: Date;
}
