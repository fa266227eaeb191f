import type { EventActor, EventEnvelope } from '@sanshen/contracts';
import type { Role } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { judgeEvent } from './lifecycle-verdict.js';
import type { LedgerVerdict } from './lifecycle-verdict.js';

function actor(userId: string, roles: Role[]): EventActor {
  return { userId, agencyId: 'a1', roles };
}

function envelope(type: string, by: EventActor, payload: unknown, sequence = 1): EventEnvelope {
  return {
    id: `e-${type}-${sequence}`,
    type,
    schemaVersion: 1,
    occurredAt: '2025-01-10T08:00:00.000Z',
    documentId: '8f0c1a4e-0d7e-4a51-9c43-0d5a3f1c2b11',
    sequence,
    actor: by,
    correlationId: 'c1',
    causationId: null,
    producer: 'drafting',
    payload,
  };
}

const drafter = actor('u1', ['drafter']);
const head = actor('u2', ['dept_head']);
const ref = { version: 1, contentHash: 'sha256:abc' };

function run(...events: EventEnvelope[]): LedgerVerdict[] {
  let state: LedgerVerdict['state'] = null;
  return events.map((event) => {
    const verdict = judgeEvent(state, event);
    state = verdict.state;
    return verdict;
  });
}

describe('judging events against the ledger state', () => {
  it('moves the state on legal events and takes the author from the created payload', () => {
    const [created, submitted, approved] = run(
      envelope('document.created', drafter, { ...ref, authorId: 'u1' }),
      envelope('document.submitted', drafter, ref, 2),
      envelope('document.approved_l1', head, ref, 3),
    );
    expect(created).toMatchObject({ violation: null, state: { status: 'draft', authorId: 'u1' } });
    expect(submitted.state?.status).toBe('pending_l1');
    expect(approved).toMatchObject({ violation: null, state: { status: 'pending_l2' } });
  });

  it('keeps the state and says why on an illegal transition', () => {
    const [, illegal] = run(envelope('document.created', drafter, ref), envelope('document.published', head, ref, 2));
    expect(illegal.state?.status).toBe('draft');
    expect(illegal.violation).toMatchObject({ code: 'DOCUMENT.INVALID_TRANSITION', from: 'draft' });
  });

  it('reports the role allowed when the wrong role fires an allowed event', () => {
    const [, , wrongRole] = run(
      envelope('document.created', drafter, ref),
      envelope('document.submitted', drafter, ref, 2),
      envelope('document.approved_l1', actor('u3', ['deputy']), ref, 3),
    );
    expect(wrongRole.violation).toMatchObject({ code: 'DOCUMENT.ROLE_NOT_ALLOWED', from: 'pending_l1' });
    expect(wrongRole.violation?.detail).toContain('allowed: dept_head');
  });

  it('flags an event before any created, an unknown type and a payload without version or hash', () => {
    expect(judgeEvent(null, envelope('document.submitted', drafter, ref)).violation).toMatchObject({
      code: 'DOCUMENT.INVALID_TRANSITION',
      from: null,
    });
    expect(judgeEvent(null, envelope('document.commented', drafter, ref)).violation?.code).toBe('AUDIT.UNKNOWN_EVENT_TYPE');
    expect(judgeEvent(null, envelope('document.created', drafter, { version: '1' })).violation?.code).toBe(
      'AUDIT.MALFORMED_PAYLOAD',
    );
    expect(judgeEvent(null, envelope('document.created', drafter, null)).state).toBeNull();
  });

  it("records the secrecy review's informational events without a violation or a move", () => {
    const officer = actor('u7', ['secrecy_officer']);
    const [, disposed, referred] = run(
      envelope('document.created', drafter, ref),
      envelope('document.secrecy.finding_disposed', officer, { ...ref, findingId: 'f1', disposition: 'ignored' }, 2),
      envelope('document.secrecy.referred', officer, ref, 3),
    );
    expect(disposed).toMatchObject({ violation: null, state: { status: 'draft' } });
    expect(referred).toMatchObject({ violation: null, state: { status: 'draft' } });
    expect(judgeEvent(null, envelope('document.secrecy', officer, ref)).violation?.code).toBe('AUDIT.UNKNOWN_EVENT_TYPE');
    expect(judgeEvent(null, envelope('document.review.reminded', officer, ref)).violation?.code).toBe('AUDIT.UNKNOWN_EVENT_TYPE');
  });

  it("records publication's retraction request without a violation or a move", () => {
    const publisher = actor('u8', ['publisher']);
    const [, requested] = run(envelope('document.created', drafter, ref), envelope('document.publication.retraction_requested', publisher, ref, 2));
    expect(requested).toMatchObject({ violation: null, state: { status: 'draft' } });
  });

  it('grants nothing to role strings that are not roles, nor "system" to a user', () => {
    const forged = { userId: 'u9', agencyId: 'a1', roles: ['system', 'superuser'] } as unknown as EventActor;
    expect(judgeEvent(null, envelope('document.created', forged, ref)).violation?.code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
  });
});
