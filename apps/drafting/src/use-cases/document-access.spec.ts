import type { Actor, DocumentStatus } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { DocumentOrmEntity } from '../persistence/document.orm-entity.js';
import { assertEditable, assertVersion, assertVisible } from './document-access.js';
import { codeOf } from '../../../../test/support/domain-error.js';

function document(status: DocumentStatus = 'draft', facts: Partial<DocumentOrmEntity> = {}): DocumentOrmEntity {
  return Object.assign(new DocumentOrmEntity(), {
    id: 'd1',
    agencyId: 'a1',
    departmentId: 'dep',
    status,
    version: 3,
    reachedSecrecy: false,
    cleared: false,
    ...facts,
  });
}

function actor(roles: Actor['roles'], departmentId: string | null = 'dep'): Actor {
  return { userId: 'u1', agencyId: 'a1', agencyName: '', departmentId, roles, oversees: [], displayName: 'u1' };
}

describe('document access', () => {
  it('hides what the visibility policy does not show as not found', () => {
    expect(codeOf(() => assertVisible(actor(['drafter']), document()))).toBeNull();
    expect(codeOf(() => assertVisible(actor(['drafter'], 'other'), document()))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => assertVisible(actor(['admin'], null), document()))).toBe('DOCUMENT.NOT_FOUND');
    expect(codeOf(() => assertVisible(actor(['publisher']), document('published', { reachedSecrecy: true, cleared: true })))).toBeNull();
    expect(codeOf(() => assertVisible(actor(['drafter']), null))).toBe('DOCUMENT.NOT_FOUND');
  });

  it('tells a published document to start a correction, and any other non-draft that it is not editable', () => {
    expect(codeOf(() => assertEditable(document('published')))).toBe('DOCUMENT.CORRECTION_REQUIRED');
    expect(codeOf(() => assertEditable(document('pending_l2')))).toBe('DOCUMENT.NOT_EDITABLE');
    expect(codeOf(() => assertEditable(document('draft')))).toBeNull();
  });

  it('says a stale version is the caller’s own when they made the current one, else that someone else changed it', () => {
    expect(codeOf(() => assertVersion(document(), 2, { actorId: 'u1', latestBy: 'u1' }))).toBe('DOCUMENT.VERSION_STALE');
    expect(codeOf(() => assertVersion(document(), 2, { actorId: 'u1', latestBy: 'u2' }))).toBe('DOCUMENT.VERSION_CONFLICT');
    expect(codeOf(() => assertVersion(document(), 2))).toBe('DOCUMENT.VERSION_CONFLICT');
    expect(codeOf(() => assertVersion(document(), 3, { actorId: 'u1', latestBy: 'u1' }))).toBeNull();
  });
});
