import { describe, expect, it } from 'vitest';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { NewPublication, PublicationRepository } from '../../persistence/publication.repository.js';
import type { PushQueue } from '../../queue/push-queue.js';
import { StartPublicationUseCase } from './start-publication.use-case.js';
import type { SecrecyCleared } from './start-publication.use-case.js';

const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';
const HASH = `sha256:${'b'.repeat(64)}`;

const cleared: SecrecyCleared = {
  id: '6f1c2a4e-0d3b-4c1e-9a55-2b7d8e9f0a11',
  type: 'document.secrecy_cleared',
  schemaVersion: 1,
  occurredAt: '2026-11-22T01:00:00.000Z',
  documentId: DOC,
  sequence: 7,
  actor: { userId: 'officer', agencyId: 'ag-1', roles: ['secrecy_officer'], departmentId: null },
  correlationId: 'c-1',
  causationId: null,
  producer: 'secrecy',
  payload: { version: 3, contentHash: HASH, decisionId: 'd-1', basis: '依据', opinion: '可以公开' },
};

function harness(schedule: Date | null, alreadyPublished = false) {
  const log: string[] = [];
  const rows: NewPublication[] = [];
  const repository = {
    lockDocument: async () => log.push('lock'),
    findSchedule: async () => (schedule === null ? null : { publishAt: schedule }),
    create: async (_manager: unknown, row: NewPublication) => {
      if (alreadyPublished) return false;
      rows.push(row);
      log.push(`create ${row.state} #${row.eventSeq}`);
      return true;
    },
  } as unknown as PublicationRepository;
  const queue = {
    enqueue: async (_data: unknown, at: Date | null, options: { awaitingCommit?: boolean } = {}) =>
      log.push(`enqueue${at === null ? '' : ` at ${at.toISOString()}`}${options.awaitingCommit === true ? ' awaiting commit' : ''}`),
  } as unknown as PushQueue;
  const outbox = new RecordingOutbox(log, 'publication');
  const logger = { info: () => undefined, warn: () => undefined } as unknown as Logger;
  return { useCase: new StartPublicationUseCase(transitionOver(outbox), repository, queue, logger), log, rows, outbox };
}

describe('StartPublicationUseCase', () => {
  it('starts publishing at once: the publication, its push job and publish_started, in the consumer’s transaction', async () => {
    const { useCase, log, rows, outbox } = harness(null);
    // Its push starts once the consumer's transaction commits (the consumer's work after the commit).
    expect(await useCase.execute(cleared, {} as EntityManager)).toBe(rows[0]?.id ?? 'no row');
    // No nudge here: the consumer's commit nudges the relay (MessagingRuntime).
    expect(log).toEqual(['lock', 'create publishing #8', 'enqueue awaiting commit', 'emit document.publish_started #8']);
    expect(rows[0].causeEventId).toBe(outbox.emitted[0].id);
    expect(outbox.emitted[0]).toMatchObject({ causationId: cleared.id, actor: { userId: 'system' }, payload: { version: 3, contentHash: HASH, scheduledAt: null } });
  });

  it('waits for a schedule in the future: no event yet, a delayed job', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const { useCase, log, rows } = harness(at);
    expect(await useCase.execute(cleared, {} as EntityManager)).toBeNull();
    expect(log).toEqual(['lock', 'create scheduled #7', `enqueue at ${at.toISOString()}`]);
    expect(rows[0].causeEventId).toBe(cleared.id);
  });

  it('ignores a version that already has a publication', async () => {
    const { useCase, log } = harness(null, true);
    await useCase.execute(cleared, {} as EntityManager);
    expect(log).toEqual(['lock']);
  });
});
