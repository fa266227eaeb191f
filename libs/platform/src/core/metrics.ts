import { Gauge, Histogram, register } from 'prom-client';
import { within } from './within.js';

/**
 * The Prometheus metrics every service has, and the helpers the others are made with. Every metric
 * carries `service` (a default label CoreModule sets). The kit modules define their own next to
 * what they measure (RPC calls in rpc/, queue depth in queues/, the event backbone in events/).
 * Names are what deploy/observability's alert rules and dashboard use: a rename is a change there
 * too (test/e2e/observability.e2e-spec.ts checks that each exists).
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A latency histogram (seconds), defined once per process however many modules ask for it. */
export function latencyHistogram(name: string, help: string, labelNames: string[]): Histogram {
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Histogram;
  return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS });
}

/** HTTP requests by route pattern (never the raw URL) and status: rate, errors and latency. */
export const httpRequestDuration = latencyHistogram(
  'sanshen_http_request_duration_seconds',
  'HTTP requests answered, by method, route pattern and status code',
  ['method', 'route', 'status_code'],
);

/** One append to the audit ledger (hash chain and state), inside its transaction. */
export const ledgerAppendDuration = latencyHistogram('sanshen_ledger_append_duration_seconds', 'Appends to the audit ledger', []);

export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/**
 * A gauge read when Prometheus scrapes (a count in the service's own schema, a queue's depth), so
 * it is never stale. Defining it again (a second module in one process, as tests do) replaces the
 * reader.
 */
/** How long one gauge's read may take at scrape time (Prometheus' default scrape timeout is 10 s). */
const SCRAPE_TIMEOUT_MS = 2000;

export function scrapedGauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeSample[]>): Gauge {
  if (register.getSingleMetric(name)) register.removeSingleMetric(name);
  return new Gauge({
    name,
    help,
    labelNames,
    async collect() {
      this.reset();
      // A dependency that does not answer leaves the gauge empty: /metrics itself never fails.
      const samples = await within(SCRAPE_TIMEOUT_MS, read()).catch(() => []);
      for (const sample of samples) {
        if (sample.labels === undefined) this.set(sample.value);
        else this.set(sample.labels, sample.value);
      }
    },
  });
}

/** A gauge set by the code (e.g. the time of the last successful ledger verification). */
export function settableGauge(name: string, help: string): Gauge {
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Gauge;
  return new Gauge({ name, help });
}

export const ledgerLastVerified = settableGauge(
  'sanshen_ledger_last_verified_timestamp_seconds',
  'When the whole audit ledger was last verified intact (Unix time; 0 = not since this process started)',
);
