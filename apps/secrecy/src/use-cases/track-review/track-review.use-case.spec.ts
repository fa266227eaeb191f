import { describe, expect, it } from 'vitest';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentEventPayloads, EventEnvelope } from '@sanshen/contracts';
import { buildEnvelope } from '@sanshen/messaging';
import type { EntityManager } from 'typeorm';
import type { SecrecyCaseOrmEntity } from '../../persistence/secrecy-case.orm-entity.js';
import { AGENCY, DEPT, DOC, HASH, secrecyCase, secrecyHarness } from '../secrecy.fixture.js';
import { TrackReviewUseCase } from './track-review.use-case.js';

const AT = '2026-12-01T08:00:00.000Z';

function event<T extends keyof DocumentEventPayloads>(type: T, sequence: number, payload: DocumentEventPayloads[T]): EventEnvelope {
  return buildEnvelope('test', {
    type: documentEventName(type),
    documentId: DOC,
    sequence,
    actor: { userId: 'someone', agencyId: AGENCY, roles: [], departmentId: null },
    correlationId: 'c-1',
    causationId: null,
    occurredAt: new Date(AT),
    payload,
  });
}

const submitted = (sequence: number, version: number) =>
  event('submitted', sequence, { version, contentHash: HASH, agencyId: AGENCY, departmentId: DEPT, authorId: 'author', kind: 'article', title: '标题', submitterId: 'author' });
const approved = (level: 1 | 2 | 3, sequence: number, version = 3) =>
  event(`approved_l${level}`, sequence, { version, contentHash: HASH, level, signerId: `signer-${level}`, signerName: '签', comment: null });

async function track(current: SecrecyCaseOrmEntity | null, ...events: EventEnvelope[]) {
  const { secrecy, scan, log, saved } = secrecyHarness({ current });
  const useCase = new TrackReviewUseCase(secrecy, scan);
  const manager = {} as EntityManager;
  for (const next of events) await useCase.execute(next, manager, await useCase.lock(next, manager));
  return { log, saved };
}

describe('TrackReviewUseCase', () => {
  it('opens a case at submission with the version’s facts, to follow its review', async () => {
    const { log, saved } = await track(null, submitted(4, 3));
    expect(log).toEqual(['save case pending_l1 #4']);
    expect(saved[0]).toMatchObject({ documentId: DOC, agencyId: AGENCY, departmentId: DEPT, authorId: 'author', version: 3, contentHash: HASH, reviewSigners: [], reachedSecrecy: false, enteredAt: null });
  });

  it('collects every signer of the version and, at the end of 三审, takes the document over and scans it', async () => {
    const current = secrecyCase('pending_l1', { eventSeq: 4, reviewSigners: [], reachedSecrecy: false, enteredAt: null });
    const { log, saved } = await track(current, approved(1, 5), approved(2, 6), approved(3, 7));
    expect(log).toEqual(['save case pending_l2 #5', 'save case pending_l3 #6', 'save case pending_secrecy #7', 'scan v3']);
    expect(saved[2]).toMatchObject({ reachedSecrecy: true, enteredAt: new Date(AT), reviewSigners: [{ signerId: 'signer-1', level: 1 }, { signerId: 'signer-2', level: 2 }, { signerId: 'signer-3', level: 3 }] });
  });

  it('keeps the signers of a resubmitted same version, forgets them for a new one', async () => {
    expect((await track(secrecyCase('draft', { eventSeq: 5 }), submitted(6, 3))).saved[0].reviewSigners).toHaveLength(3);
    const { saved } = await track(secrecyCase('draft', { eventSeq: 5 }), submitted(6, 4));
    expect(saved[0]).toMatchObject({ version: 4, reviewSigners: [], reachedSecrecy: true, openReferralId: null });
  });

  it('only moves the sequence for a signature of another version, and does not scan it', async () => {
    const { log, saved } = await track(secrecyCase('pending_l3', { eventSeq: 6, reviewSigners: [] }), approved(3, 7, 2));
    expect(log).toEqual(['save case pending_secrecy #7']);
    expect(saved[0].reviewSigners).toEqual([]);
  });

  it('moves the sequence for secrecy’s own informational events without a state change', async () => {
    const info = { ...approved(1, 10), type: 'document.secrecy.finding_disposed' };
    expect((await track(secrecyCase('pending_secrecy'), info)).log).toEqual(['save case pending_secrecy #10']);
  });

  it.each([
    ['an event already applied (idempotent)', secrecyCase('pending_l1', { eventSeq: 5 }), approved(1, 5)],
    ['an older event', secrecyCase('pending_l2', { eventSeq: 5 }), submitted(4, 3)],
    ['an event of a document it never saw submitted', null, approved(1, 5)],
  ])('ignores %s', async (_label, current, next) => {
    expect((await track(current, next)).log).toEqual([]);
  });
});
