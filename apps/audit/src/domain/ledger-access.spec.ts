import type { Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { timelineAccess, verifyAccess, verifyDocumentAccess } from './ledger-access.js';

const who = (roles: Role[], agencyId = 'a1') => ({ userId: 'u1', agencyId, roles });
const ownDocument = { agencyId: 'a1', involved: false };

describe('who reads the ledger', () => {
  it.each([
    ['an auditor of the agency', who(['auditor']), ownDocument, 'auditor'],
    ['someone who acted on it', who(['drafter'], 'a2'), { agencyId: 'a1', involved: true }, 'involved'],
  ] as const)('lets %s read a timeline', (_label, actor, document, ground) => {
    expect(timelineAccess(actor, document)).toEqual({ ok: true, value: ground });
  });

  it.each([
    ['an administrator', who(['admin']), ownDocument, 'AUDIT.FORBIDDEN'],
    ['an involved administrator', who(['admin', 'drafter']), { agencyId: 'a1', involved: true }, 'AUDIT.FORBIDDEN'],
    ['an administrator, for an unknown document', who(['admin', 'auditor']), null, 'AUDIT.FORBIDDEN'],
    ["another agency's auditor", who(['auditor'], 'a2'), ownDocument, 'DOCUMENT.NOT_FOUND'],
    ['a bystander', who(['drafter', 'dept_head']), ownDocument, 'DOCUMENT.NOT_FOUND'],
    ['anyone, for an unknown document', who(['auditor']), null, 'DOCUMENT.NOT_FOUND'],
  ] as const)('refuses %s', (_label, actor, document, code) => {
    expect(timelineAccess(actor, document)).toMatchObject({ ok: false, error: { code } });
  });

  it('lets only auditors verify, and a document only in their agency', () => {
    expect(verifyAccess(who(['auditor'])).ok).toBe(true);
    expect(verifyAccess(who(['publisher']))).toMatchObject({ ok: false, error: { code: 'AUDIT.FORBIDDEN', reason: 'auditor_only' } });
    expect(verifyAccess(who(['auditor', 'admin']))).toMatchObject({ ok: false, error: { reason: 'separation_of_duties' } });
    expect(verifyDocumentAccess(who(['auditor']), { agencyId: 'a1' }).ok).toBe(true);
    expect(verifyDocumentAccess(who(['auditor'], 'a2'), { agencyId: 'a1' })).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.NOT_FOUND' },
    });
  });
});
