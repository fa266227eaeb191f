import type { DocumentFacts } from '@sanshen/contracts';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';

export function documentFacts(document: DocumentOrmEntity): DocumentFacts {
  return {
    agencyId: document.agencyId,
    departmentId: document.departmentId,
    authorId: document.authorId,
    kind: document.kind,
    title: document.title,
    year: document.year,
    version: document.version,
    contentHash: document.contentHash,
  };
}
