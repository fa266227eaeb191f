import type { DelegationView, DocumentView, TaskCountsView, TaskItem } from '@sanshen/contracts';
import type { Actor, DocumentStatus } from '@sanshen/kernel';

export type { DocumentKind, DocumentStatus, Role } from '@sanshen/kernel';
export type {
  ApprovalSheetView,
  DelegationView,
  DocumentView,
  PublicationView,
  SecrecyFindingView,
  SecrecyReviewView,
  TaskCountsView,
  TaskItem,
} from '@sanshen/contracts';

/** Someone a reviewer may name as delegate (代签), as the picker lists them. */
export interface DelegateCandidate {
  id: string;
  displayName: string;
  /** Null for agency-wide people (分管领导, 主要领导). */
  departmentName: string | null;
}

/** A delegation as the gateway lists it: with the delegate's name. */
export type NamedDelegation = DelegationView & { toName: string | null };

export type Me = Actor & { delegations: DelegationView[] };

export interface SignInReply {
  session: 'cookie';
  csrfToken: string;
  expiresIn: number;
  user: Actor;
  passwordChangeRequired: boolean;
}

export interface DocumentListItem {
  id: string;
  kind: DocumentView['kind'];
  status: DocumentStatus;
  title: string;
  version: number;
  authorId: string;
  departmentId: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface Notice {
  id: string;
  documentId: string | null;
  kind: string;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface TasksView {
  items: TaskItem[];
}
export type { TaskCountsView as TaskCounts };

/** A content-check finding (drafting's check and submit refusals). */
export interface ContentFinding {
  key?: string;
  section: string;
  type: string;
  severity: 'blocking' | 'warning';
  matched: string;
  message: string;
  suggestion?: string | null;
  start?: number;
  end?: number;
}

export interface CheckReply {
  errors: ReportFinding[];
  warnings: ReportFinding[];
  notices: ReportFinding[];
  findings: ContentFinding[];
  previousReport: { documentId: string; version: number; year: number } | null;
}

export interface ReportFinding {
  ruleId: string;
  severity: string;
  message: string;
  cells: string[];
}

export interface DiffReply {
  from: number;
  to: number;
  sections: { key: string; label: string; ops: { op: 'equal' | 'insert' | 'delete'; text: string }[] }[];
  cells: { pointer: string; table: string; row: string; column: string; from: number | null; to: number | null }[];
}
