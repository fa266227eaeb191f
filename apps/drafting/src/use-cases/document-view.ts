import type { DocumentVersionView, DocumentView, ExplainedFinding } from '@sanshen/contracts';
import type { DocumentVersionOrmEntity } from '../persistence/document-version.orm-entity.js';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';

/** The document with its current content and, once submitted, the findings its drafter explained. */
export function toDocumentView(document: DocumentOrmEntity, content: unknown, findingExplanations: ExplainedFinding[] = []): DocumentView {
  return {
    id: document.id,
    kind: document.kind,
    status: document.status,
    version: document.version,
    contentHash: document.contentHash,
    title: document.title,
    agencyId: document.agencyId,
    agencyName: document.agencyName,
    departmentId: document.departmentId,
    authorId: document.authorId,
    content,
    ...(document.kind === 'annual_report' ? { warningsExplanation: document.warningsExplanation } : {}),
    lastReturn: document.lastReturn ?? null,
    findingExplanations,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

export function toVersionView(document: DocumentOrmEntity, version: DocumentVersionOrmEntity): DocumentVersionView {
  return {
    documentId: document.id,
    version: version.version,
    contentHash: version.contentHash,
    kind: document.kind,
    title: version.title,
    agencyId: document.agencyId,
    agencyName: document.agencyName,
    departmentId: document.departmentId,
    authorId: document.authorId,
    content: version.content,
    createdAt: version.createdAt.toISOString(),
  };
}
