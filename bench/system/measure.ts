/** Closed-loop load: `concurrency` workers call `op` back to back until the deadline or the count. */
export interface LoadResult {
  operations: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  /** The first few failures, for the report. */
  failureSamples: string[];
}

export interface LoadOptions {
  concurrency: number;
  durationMs?: number;
  /** Stop after this many operations in all (each worker takes the next index). */
  count?: number;
}

/** `op` answers 'done' when its worker has nothing left (nothing is recorded for that call). */
export async function closedLoop(options: LoadOptions, op: (worker: number, index: number) => Promise<void | 'done'>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;
  const limit = options.count ?? Number.POSITIVE_INFINITY;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline && next < limit) {
        const index = next;
        next += 1;
        const t0 = performance.now();
        try {
          if ((await op(worker, index)) === 'done') return;
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          failures += 1;
          if (failureSamples.length < 5) failureSamples.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { operations: latenciesMs.length, failures, seconds, perSecond: latenciesMs.length / seconds, latenciesMs, failureSamples };
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] as number };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
