import type { DocumentKind, DocumentStatus } from './document.js';

/** RPC patterns of the drafting service. Wire contracts: never rename. */
export const DRAFTING_RPC = {
  create: 'drafting.document.create',
  get: 'drafting.document.get',
  list: 'drafting.document.list',
  revise: 'drafting.document.revise',
  submit: 'drafting.document.submit',
  getVersion: 'drafting.version.get',
  listVersions: 'drafting.version.list',
} as const;

/** An ordinary website item: title, column (栏目) and sanitized rich text. */
export interface ArticleContent {
  title: string;
  column: string;
  /** Sanitized HTML. */
  body: string;
}

export interface CreateArticleRequest {
  kind: 'article';
  title: string;
  column: string;
  body: string;
}

export interface CreateAnnualReportRequest {
  kind: 'annual_report';
  year: number;
}

export type CreateDocumentRequest = CreateArticleRequest | CreateAnnualReportRequest;

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  version: number;
  contentHash: string;
  title: string;
  agencyId: string;
  agencyName: string;
  departmentId: string;
  authorId: string;
  content: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface GetDocumentRequest {
  documentId: string;
}

export interface ListDocumentsRequest {
  status?: DocumentStatus;
  kind?: DocumentKind;
  year?: number;
  departmentId?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface DocumentPage {
  items: DocumentView[];
  nextCursor: string | null;
}

export interface ReviseDocumentRequest {
  documentId: string;
  version: number;
  /** Partial content: members given replace the current ones. */
  content: Record<string, unknown>;
}

export interface SubmitDocumentRequest {
  documentId: string;
  version: number;
}

export interface GetVersionRequest {
  documentId: string;
  version: number;
}

export interface DocumentVersionView {
  documentId: string;
  version: number;
  contentHash: string;
  kind: DocumentKind;
  title: string;
  agencyId: string;
  agencyName: string;
  departmentId: string;
  authorId: string;
  content: unknown;
  createdAt: string;
}
