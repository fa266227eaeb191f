import { percentiles } from './measure.js';
import type { LoadResult, Percentiles } from './measure.js';
import { Person } from './population.js';
import type { Cast } from './population.js';
import { documentCount, eventToLedger, histogramDelta, scrapeHistogram, seedGrowth, settleLedger, verifyInBackground } from './growth.js';
import type { BackgroundVerification, GrowthSeed, HistogramSummary } from './growth.js';
import { approvals, preparePendingL1 } from './workloads.js';

/** Level-1 approvals and the ledger appends they cause, on one population. */
export interface GrowthMeasurement {
  population: string;
  documents: number;
  ledgerEntries: number;
  approvals: {
    reviewers: number;
    load: Omit<LoadResult, 'latenciesMs'>;
    latency: Percentiles;
    /** `sanshen_ledger_append_duration_seconds` over the approvals. */
    ledgerAppend: HistogramSummary;
    /** Each approval's event, from its occurrence to its append (outbox relay, JetStream, the ledger's consumer). */
    eventToLedger: { count: number; p50: number; p95: number; p99: number };
  }[];
}

export interface GrowthReport {
  small: GrowthMeasurement;
  seed: GrowthSeed;
  grown: GrowthMeasurement;
  verification: BackgroundVerification;
}

export interface GrowthSystem {
  gatewayUrl: string;
  demoPassword: string;
  databaseUrl: string;
  auditMetricsUrl: string;
  auditPid: () => number;
}

const APPEND_HISTOGRAM = 'sanshen_ledger_append_duration_seconds';

/**
 * The growth phase: level-1 approvals at 1 and 8 reviewers on the population as it is, then
 * `count` documents and ledger entries seeded directly in PostgreSQL, the same approvals again, and a
 * full background verification of the grown chain (its duration and the audit process's RSS).
 */
export async function growthPhase(
  system: GrowthSystem,
  casts: readonly Cast[],
  options: { count: number; reviewers: readonly number[]; decisions: Record<number, number>; serialBase: number },
): Promise<GrowthReport> {
  let serial = options.serialBase;
  const measure = async (population: string): Promise<GrowthMeasurement> => {
    const measured: GrowthMeasurement['approvals'] = [];
    for (const reviewers of options.reviewers) {
      const documents = await preparePendingL1(casts, reviewers, options.decisions[reviewers] ?? 100, serial);
      serial += documents.length;
      const headBefore = await settleLedger(system.databaseUrl);
      const before = await scrapeHistogram(system.auditMetricsUrl, APPEND_HISTOGRAM);
      const load = await approvals(casts, documents, reviewers);
      await settleLedger(system.databaseUrl);
      const ledgerAppend = histogramDelta(before, await scrapeHistogram(system.auditMetricsUrl, APPEND_HISTOGRAM));
      const lag = await eventToLedger(system.databaseUrl, headBefore);
      const { latenciesMs, ...rest } = load;
      measured.push({ reviewers, load: rest, latency: percentiles(latenciesMs), ledgerAppend, eventToLedger: lag });
      console.log(
        `growth (${population}) approvals at ${reviewers}: ${load.perSecond.toFixed(1)}/s, p50 ${percentiles(latenciesMs).p50.toFixed(1)} ms; ledger append mean ${ledgerAppend.mean.toFixed(2)} ms; event → ledger p50 ${lag.p50.toFixed(1)} ms`,
      );
    }
    return { population, documents: await documentCount(system.databaseUrl), ledgerEntries: await settleLedger(system.databaseUrl), approvals: measured };
  };

  const small = await measure('as seeded by the run');
  const seed = await seedGrowth(system.databaseUrl, options.count);
  console.log(`growth: seeded ${options.count} documents and ledger entries in ${JSON.stringify(seed.seconds)}`);
  const grown = await measure(`with ${options.count.toLocaleString('en')} more`);
  const auditor = await Person.signIn(system.gatewayUrl, 'gx_auditor', system.demoPassword);
  const verification = await verifyInBackground(auditor, system.auditPid(), system.databaseUrl, 30 * 60_000);
  console.log(`growth: background verification of ${verification.checked} entries in ${verification.seconds.toFixed(1)} s, ok ${String(verification.ok)}`);
  return { small, seed, grown, verification };
}
