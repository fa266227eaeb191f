import { describe, expect, it } from 'vitest';
import type { VerificationRun } from '../../persistence/verification-run.repository.js';
import { statusReply } from './get-verification-status.use-case.js';

const now = new Date('2026-12-06T12:00:00.000Z');

function run(overrides: Partial<VerificationRun>): VerificationRun {
  return {
    id: 7,
    mode: 'incremental',
    trigger: 'schedule',
    status: 'ok',
    startedAt: new Date('2026-12-06T11:57:00.000Z'),
    finishedAt: new Date('2026-12-06T11:57:54.600Z'),
    fromPosition: 900,
    headPosition: 1024,
    checked: 124,
    through: { position: 1024, hash: 'a'.repeat(64) },
    firstBroken: null,
    ...overrides,
  };
}

describe('statusReply', () => {
  it('answers the last finished run with its age in whole seconds, the head now and the run in progress', () => {
    const running = run({ id: 8, mode: 'full', status: 'running', startedAt: new Date('2026-12-06T11:59:00.000Z'), finishedAt: null, checked: 20_000, headPosition: 1030 });
    expect(statusReply({ finished: run({}), running, lastIntactFullAt: new Date('2026-12-06T02:00:00.000Z') }, 1031, now)).toEqual({
      ok: true,
      runId: 7,
      mode: 'incremental',
      verifiedAt: '2026-12-06T11:57:54.600Z',
      ageSeconds: 125,
      checked: 124,
      throughPosition: 1024,
      throughHash: 'a'.repeat(64),
      headPosition: 1031,
      lastFullVerifiedAt: '2026-12-06T02:00:00.000Z',
      running: { runId: 8, mode: 'full', startedAt: '2026-12-06T11:59:00.000Z', checked: 20_000, headPosition: 1030 },
    });
  });

  it('names the first broken entry of a broken run', () => {
    const firstBroken = { position: 512, eventId: 'e512', code: 'ENTRY_HASH_MISMATCH' as const, reason: 'hash is not sha256(prevHash ‖ canonical text)' };
    const reply = statusReply({ finished: run({ status: 'broken', mode: 'full', checked: 511, through: { position: 511, hash: 'b'.repeat(64) }, firstBroken }), running: null, lastIntactFullAt: null }, 1024, now);
    expect(reply).toMatchObject({ ok: false, checked: 511, throughPosition: 511, firstBroken, lastFullVerifiedAt: null, running: null });
  });

  it('has no verdict before the first run finished', () => {
    expect(statusReply({ finished: null, running: null, lastIntactFullAt: null }, 3, now)).toEqual({
      ok: null,
      runId: null,
      mode: null,
      verifiedAt: null,
      ageSeconds: null,
      checked: 0,
      throughPosition: 0,
      throughHash: null,
      headPosition: 3,
      lastFullVerifiedAt: null,
      running: null,
    });
  });
});
