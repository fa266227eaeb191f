import { CHAIN_START } from './ledger-chain.js';
import type { ChainCheckpoint } from './ledger-chain.js';

export type VerificationMode = 'full' | 'incremental';

/** How often the background verification runs, and how often it starts again from the genesis. */
export interface VerificationSchedule {
  intervalMs: number;
  fullIntervalMs: number;
}

/** What the recorded runs say, as the planner needs it. */
export interface RecordedRuns {
  /** The last run that finished (ok or broken; abandoned and failed runs do not count). */
  lastFinished: { finishedAt: Date; ok: boolean; through: ChainCheckpoint } | null;
  /** When the last full run that found the chain intact started. */
  lastIntactFullStartedAt: Date | null;
}

export type VerificationPlan = { run: false } | { run: true; mode: VerificationMode; from: ChainCheckpoint };

const FULL = { run: true, mode: 'full', from: CHAIN_START } as const;

/**
 * Whether a run is due and which: a run asked for by an auditor is always full; a scheduled one is
 * due `intervalMs` after the last finished run, and continues from that run's checkpoint
 * (incremental) while the chain was intact and a full run found it intact within `fullIntervalMs`
 * — otherwise it starts again from the genesis, so an old entry rewritten behind the service's back
 * is found within `fullIntervalMs`.
 */
export function planVerification(runs: RecordedRuns, now: Date, schedule: VerificationSchedule, requested: boolean): VerificationPlan {
  if (requested) return FULL;
  const { lastFinished, lastIntactFullStartedAt } = runs;
  if (lastFinished !== null && now.getTime() - lastFinished.finishedAt.getTime() < schedule.intervalMs) return { run: false };
  if (lastFinished === null || !lastFinished.ok || lastIntactFullStartedAt === null) return FULL;
  if (now.getTime() - lastIntactFullStartedAt.getTime() >= schedule.fullIntervalMs) return FULL;
  return { run: true, mode: 'incremental', from: lastFinished.through };
}
