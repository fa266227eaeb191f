import type { DocumentKind, DocumentStatus } from './document.js';
import type { ReviewLevel } from './events.js';

/** RPC patterns of the review service. Wire contracts: never rename. */
export const REVIEW_RPC = {
  approve: 'review.document.approve',
  return: 'review.document.return',
  withdraw: 'review.document.withdraw',
  inbox: 'review.task.inbox',
} as const;

export interface ApproveDocumentRequest {
  documentId: string;
  version: number;
  comment?: string | null;
}

export interface ReturnDocumentRequest {
  documentId: string;
  version: number;
  reason: string;
  to: 'drafter' | 'previous';
}

export interface WithdrawDocumentRequest {
  documentId: string;
  version: number;
}

export interface ReviewDecisionView {
  documentId: string;
  version: number;
  status: DocumentStatus;
  /** The level decided. */
  level: ReviewLevel | null;
}

export interface InboxItem {
  documentId: string;
  title: string;
  kind: DocumentKind;
  version: number;
  contentHash: string;
  level: ReviewLevel;
  status: DocumentStatus;
  departmentId: string;
  authorId: string;
  submittedAt: string;
  openedAt: string;
  dueAt: string;
}

export interface InboxView {
  items: InboxItem[];
}
