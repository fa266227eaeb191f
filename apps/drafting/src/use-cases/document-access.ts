import { DomainError } from '@sanshen/contracts';
import type { Actor } from '@sanshen/contracts';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';

/** Documents are visible within their agency only; elsewhere they do not exist. */
export function assertVisible(actor: Actor, document: DocumentOrmEntity | null): asserts document is DocumentOrmEntity {
  if (document === null || document.agencyId !== actor.agencyId) {
    throw new DomainError('DOCUMENT.NOT_FOUND');
  }
}

/** Only a drafter of the document's department writes it. */
export function assertDrafterOf(actor: Actor, document: DocumentOrmEntity): void {
  if (!actor.roles.includes('drafter')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { required: 'drafter' });
  if (actor.departmentId !== document.departmentId) throw new DomainError('DOCUMENT.NOT_IN_SCOPE');
}

export function assertVersion(document: DocumentOrmEntity, version: number): void {
  if (document.version !== version) {
    throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: document.version, given: version });
  }
}
