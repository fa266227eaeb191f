import type { DelegatedDuty, DocumentKind, DocumentStatus, ReviewLevel, Role } from '@sanshen/kernel';

/** RPC patterns of the review service. Wire contracts: never rename. */
export const REVIEW_RPC = {
  approve: 'review.document.approve',
  return: 'review.document.return',
  withdraw: 'review.document.withdraw',
  inbox: 'review.task.inbox',
  approvalSheet: 'review.approval-sheet.get',
  delegate: 'review.delegation.create',
  delegations: 'review.delegation.list',
  revokeDelegation: 'review.delegation.revoke',
  notifications: 'review.notification.list',
  delegatedDuties: 'review.delegation.duties',
  /** Who holds a delegation in force from any of these users (DelegatesView): notices reach them too. */
  delegates: 'review.delegation.delegates',
} as const;

export interface DelegatesRequest {
  fromUserIds: string[];
}

export interface DelegatesView {
  userIds: string[];
}

export interface ApproveDocumentRequest {
  documentId: string;
  version: number;
  comment?: string | null;
  /** The level the reviewer decided on (from the inbox); a case that has moved on answers 409. */
  level?: ReviewLevel | null;
}

/** One document of a batch approval (批量审批). */
export interface BatchApproveItem {
  documentId: string;
  version: number;
  level?: ReviewLevel | null;
}

/** Each item's own outcome: the decision, or the error it alone met. */
export type BatchApproveResult =
  | { documentId: string; ok: true; decision: ReviewDecisionView }
  | { documentId: string; ok: false; error: { code: string; message: string } };

export interface BatchApproveView {
  results: BatchApproveResult[];
}

export interface ReturnDocumentRequest {
  documentId: string;
  version: number;
  reason: string;
  /** `previous` (驳回上一级): back to the level below; at level 1 that is the drafter. */
  to: 'drafter' | 'previous';
  level?: ReviewLevel | null;
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

/** The person a delegate acts for ("X 代 Y": X the delegate, Y this person). */
export interface OnBehalfOf {
  userId: string;
  displayName: string;
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
  /** Set when the task is the caller's through a delegation: whose task it is. */
  onBehalfOf?: OnBehalfOf | null;
  /** When the reminder went out (overdue), and when it was escalated to the next level up. */
  remindedAt?: string | null;
  escalatedAt?: string | null;
}

export interface InboxView {
  items: InboxItem[];
}

export interface CreateDelegationRequest {
  toUserId: string;
  /** ISO 8601 instants; the delegation holds for from ≤ t < until. */
  from: string;
  until: string;
}

export interface DelegationView {
  id: string;
  agencyId: string;
  fromUserId: string;
  fromName: string;
  toUserId: string;
  /** The review roles delegated (the delegator's, captured at creation). */
  roles: Role[];
  from: string;
  until: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface DelegationListView {
  /** Delegations the caller gave. */
  given: DelegationView[];
  /** Delegations the caller holds. */
  received: DelegationView[];
}

/** The review duties delegated to the caller and in force now. */
export interface DelegatedDutiesView {
  duties: DelegatedDuty[];
}

export interface RevokeDelegationRequest {
  delegationId: string;
}

export interface NotificationView {
  id: string;
  /** `publish_failed` comes from the publication service (`publication.notification.list`). */
  kind: 'review_reminder' | 'review_escalation' | 'publish_failed';
  documentId: string;
  /** The review level (review notifications); absent or null for `publish_failed`. */
  level?: ReviewLevel | null;
  title: string;
  message: string;
  createdAt: string;
  /** Set when the notification reaches the caller through a delegation. */
  onBehalfOf?: OnBehalfOf | null;
}

export interface NotificationListView {
  items: NotificationView[];
}

export interface ApprovalSheetRequest {
  documentId: string;
  /** Default: the version under review (or last reviewed). */
  version?: number;
  format: 'json' | 'html';
  /** Names the sheet shows that review does not keep: the department (科室) and the 栏目 (the gateway fills them in). */
  names?: { departmentName: string; column: string | null };
}

export interface ApprovalSheetSignature {
  level: ReviewLevel;
  /** 科室负责人审核 / 分管领导审核 / 主要领导审定 */
  label: string;
  decision: 'approved' | 'returned' | 'returned_previous';
  signerId: string;
  signerName: string;
  /** The reviewer the signer stood in for, if signed under a delegation. */
  onBehalfOf: OnBehalfOf | null;
  /** "X" or "X 代 Y". */
  signedAs: string;
  signedAt: string;
  opinion: string | null;
}

export interface ApprovalSheetView {
  documentId: string;
  agencyName: string;
  title: string;
  kind: DocumentKind;
  version: number;
  contentHash: string;
  status: DocumentStatus;
  departmentId: string;
  /** 科室 and 栏目, where known (empty / null otherwise). */
  departmentName: string;
  column: string | null;
  drafter: { userId: string; displayName: string };
  submittedAt: string;
  /** The signature standing at each level for this version (approved), in level order. */
  levels: ApprovalSheetSignature[];
  /** Every decision on this version, oldest first (returns included). */
  history: ApprovalSheetSignature[];
  /** Returns of earlier versions (who sent the document back, why), oldest first, with their version. */
  earlierReturns: (ApprovalSheetSignature & { version: number })[];
  secrecy: { conclusion: string; basis: string; opinion: string; reviewerName: string; decidedAt: string } | null;
  publication: { url: string; publishedAt: string; contentHash: string } | null;
  generatedAt: string;
}

export interface ApprovalSheetReply {
  sheet: ApprovalSheetView;
  /** The printable page, when asked for format html. */
  html: string | null;
}
