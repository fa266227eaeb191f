import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { canReadDocument } from '@sanshen/workflow';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';

/**
 * The one place drafting decides who reads a document (libs/workflow's visibility policy, applied
 * to what drafting knows of it). What the actor may not read does not exist for them: 404.
 */
export function assertVisible(actor: Actor, document: DocumentOrmEntity | null, now = new Date()): asserts document is DocumentOrmEntity {
  // A discarded draft is gone for everyone (its history stays in the ledger).
  if (document === null || document.status === 'discarded' || !canReadDocument(actor, document, now)) {
    throw new DomainError('DOCUMENT.NOT_FOUND');
  }
}

/**
 * Content reads by a service acting as the system (secrecy's scan, publication's push: their requests
 * carry a signed system actor) pass; anyone else must be able to read the document.
 */
export function assertContentReadable(actor: Actor, document: DocumentOrmEntity | null): asserts document is DocumentOrmEntity {
  if (actor.userId !== 'system') assertVisible(actor, document);
  if (document === null) throw new DomainError('DOCUMENT.NOT_FOUND');
}

/** Only a drafter of the document's department writes it. */
export function assertDrafterOf(actor: Actor, document: DocumentOrmEntity): void {
  if (!actor.roles.includes('drafter')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { required: 'drafter' });
  if (actor.departmentId !== document.departmentId) throw new DomainError('DOCUMENT.NOT_IN_SCOPE');
}

/**
 * The request names the current version. A stale one is a conflict; when the caller made the current
 * version themselves (another tab, a double submit) it is said so, not that someone else changed it.
 */
export function assertVersion(document: DocumentOrmEntity, version: number, stale?: { actorId: string; latestBy: string | null }): void {
  if (document.version !== version) {
    const own = stale !== undefined && stale.latestBy === stale.actorId;
    throw new DomainError(own ? 'DOCUMENT.VERSION_STALE' : 'DOCUMENT.VERSION_CONFLICT', { expected: document.version, given: version });
  }
}

/** A published document changes only through a correction (更正), which reopens it as a new version. */
export function assertEditable(document: DocumentOrmEntity): void {
  if (document.status === 'published') throw new DomainError('DOCUMENT.CORRECTION_REQUIRED', { status: document.status });
  if (document.status !== 'draft') throw new DomainError('DOCUMENT.NOT_EDITABLE', { status: document.status });
}
