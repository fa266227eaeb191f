import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './ledger-chain.js';
import { planVerification } from './verification-plan.js';
import type { RecordedRuns } from './verification-plan.js';

const MINUTE = 60_000;
const schedule = { intervalMs: 10 * MINUTE, fullIntervalMs: 24 * 60 * MINUTE };
const now = new Date('2026-12-06T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const checkpoint = { position: 500, hash: 'a'.repeat(64) };
const full = { run: true, mode: 'full', from: { position: 0, hash: GENESIS_HASH } };

function runs(finishedAgoMs: number | null, ok = true, fullAgoMs: number | null = 60 * MINUTE): RecordedRuns {
  return {
    lastFinished: finishedAgoMs === null ? null : { finishedAt: ago(finishedAgoMs), ok, through: checkpoint },
    lastIntactFullStartedAt: fullAgoMs === null ? null : ago(fullAgoMs),
  };
}

describe('planVerification', () => {
  it.each([
    ['no run yet: full', runs(null, true, null), false, full],
    ['the last run ended within the interval: nothing', runs(9 * MINUTE), false, { run: false }],
    ['due, chain intact, a recent full run: incremental from the checkpoint', runs(10 * MINUTE), false, { run: true, mode: 'incremental', from: checkpoint }],
    ['due, the last run found a break: full again', runs(11 * MINUTE, false), false, full],
    ['due, no full run ever found it intact: full', runs(11 * MINUTE, true, null), false, full],
    ['due, the last intact full run is a day old: full', runs(11 * MINUTE, true, 24 * 60 * MINUTE), false, full],
    ['asked for by an auditor, even within the interval: full', runs(1000), true, full],
  ] as const)('%s', (_name, recorded, requested, expected) => {
    expect(planVerification(recorded, now, schedule, requested)).toEqual(expected);
  });
});
