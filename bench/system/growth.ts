import pg from 'pg';
import { sleep } from './measure.js';
import type { Person } from './population.js';
import { rssBytes } from './processes.js';

/**
 * The growth phase's population: `count` published articles of a synthetic department of the demo
 * agency `gx`, written straight into drafting's documents and versions, review's cases, and the
 * audit ledger (one `document.created` entry per document, chained after the ledger's head, and its
 * document_state) — generate_series in SQL, the hashes computed by PostgreSQL (sha256 of the UTF-8
 * text) exactly as the ledger computes them, so the background verification walks a valid chain.
 */
export interface GrowthSeed {
  count: number;
  seconds: Record<string, number>;
  ledgerEntries: number;
}

const GENESIS = '0'.repeat(64);

/**
 * The canonical text of seeded entry `n` (keys sorted, no whitespace): what `canonicalJson` writes for
 * its envelope. `$2` agency, `$3` department, `$4` author (text).
 */
const canonicalOf = (n: string) => `format(
    '{"actor":{"agencyId":"%s","departmentId":"%s","roles":["drafter"],"userId":"%s"},"causationId":null,"correlationId":"bench-growth-%s","documentId":"%s","id":"%s","occurredAt":"2024-01-01T00:00:00.000Z","payload":{"agencyId":"%s","authorId":"%s","contentHash":"%s","departmentId":"%s","kind":"article","title":"%s","version":1},"producer":"drafting","schemaVersion":1,"sequence":1,"type":"document.created"}',
    $2::text, $3::text, $4::text, ${n}, ${documentIdOf(n)}, ${eventIdOf(n)}, $2::text, $4::text, ${contentHashOf(n)}, $3::text, ${titleOf(n)})`;
const documentIdOf = (n: string) => `md5('bench-growth-doc-' || ${n})::uuid`;
const eventIdOf = (n: string) => `md5('bench-growth-evt-' || ${n})::uuid`;
const contentHashOf = (n: string) => `'sha256:' || md5('bench-growth-content-' || ${n}) || md5('bench-growth-content-' || ${n})`;
const titleOf = (n: string) => `'关于政务公开工作的通知（存量 ' || ${n} || '）'`;
const DEPARTMENT = '00000000-0000-4000-8000-00000000b0e1';
const AUTHOR = '00000000-0000-4000-8000-00000000b0e2';

export async function seedGrowth(databaseUrl: string, count: number): Promise<GrowthSeed> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    seconds[name] = (performance.now() - started) / 1000;
    return value;
  };
  try {
    await db.query(`SET work_mem = '64MB'`);
    const agency = (await db.query<{ id: string; name: string }>(`SELECT id, name FROM identity.agencies WHERE code = 'gx'`)).rows[0];
    if (agency === undefined) throw new Error('the demo agency gx is missing');
    const series = 'FROM generate_series(1, $1::int) AS n';
    const at = `timestamptz '2024-01-01' + n * interval '1 minute'`;

    await timed('drafting.documents', () =>
      db.query(
        `INSERT INTO drafting.documents (id, agency_id, agency_name, department_id, author_id, kind, title, status, version, content_hash, event_seq, reached_secrecy, cleared, created_at, updated_at)
         SELECT ${documentIdOf('n')}, $2::uuid, $5::text, $3::uuid, $4::uuid, 'article', ${titleOf('n')}, 'published', 1, ${contentHashOf('n')}, 8, true, true, ${at}, ${at} ${series}`,
        [count, agency.id, DEPARTMENT, AUTHOR, agency.name],
      ),
    );
    await timed('drafting.document_versions', () =>
      db.query(
        `INSERT INTO drafting.document_versions (document_id, version, content, content_hash, title, created_by)
         SELECT ${documentIdOf('n')}, 1, jsonb_build_object('body', '<p>现将有关事项通知如下：请各科室按时报送政务公开工作材料。</p>', 'column', 'tzgg'),
                ${contentHashOf('n')}, ${titleOf('n')}, $2::uuid ${series}`,
        [count, AUTHOR],
      ),
    );
    await timed('review.review_cases', () =>
      db.query(
        `INSERT INTO review.review_cases (document_id, agency_id, department_id, author_id, submitter_id, kind, title, version, content_hash, status, event_seq, submitted_at, stage_entered_at)
         SELECT ${documentIdOf('n')}, $2::uuid, $3::uuid, $4::uuid, $4::uuid, 'article', ${titleOf('n')}, 1, ${contentHashOf('n')}, 'published', 7, ${at}, ${at} ${series}`,
        [count, agency.id, DEPARTMENT, AUTHOR],
      ),
    );

    await timed('audit ledger', () => seedLedger(db, count, agency.id));
    await timed('ANALYZE', () => db.query('ANALYZE drafting.documents, drafting.document_versions, review.review_cases, audit.ledger_entry, audit.document_state'));
    const entries = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.ledger_entry')).rows[0]?.n ?? 0;
    return { count, seconds, ledgerEntries: entries };
  } finally {
    await db.end();
  }
}

/**
 * `count` documents' `document.created` entries chained after the ledger's head, their document_state
 * and the new head, in one transaction holding the head's lock (appends wait meanwhile). The global
 * chain is computed by a recursive walk carrying only (n, prev, hash); the canonical text is
 * recomputed per row.
 */
export async function seedLedger(db: pg.Client, count: number, agencyId: string): Promise<void> {
  await db.query('BEGIN');
  try {
    const head = (await db.query<{ position: string; hash: string }>('SELECT position, hash FROM audit.ledger_head WHERE id = 1 FOR UPDATE')).rows[0]!;
    const base = Number(head.position);
    await db.query(
      `INSERT INTO audit.ledger_entry (position, event_id, event_type, document_id, sequence, occurred_at, actor_id, actor_agency_id, envelope, canonical,
                                       document_prev_hash, document_hash, prev_hash, hash, status_after)
       WITH RECURSIVE chain (n, prev, hash) AS (
         SELECT 0::bigint, NULL::text, $5::text
         UNION ALL
         SELECT c.n + 1, c.hash, encode(sha256(convert_to(c.hash || ${canonicalOf('(c.n + 1)')}, 'UTF8')), 'hex')
           FROM chain c WHERE c.n < $1::bigint
       )
       SELECT $6::bigint + n, ${eventIdOf('n')}, 'document.created', ${documentIdOf('n')}, 1, timestamptz '2024-01-01', $4::text, $2::text,
              t.canonical::jsonb, t.canonical, '${GENESIS}', encode(sha256(convert_to('${GENESIS}' || t.canonical, 'UTF8')), 'hex'), prev, hash, 'draft'
         FROM chain CROSS JOIN LATERAL (SELECT ${canonicalOf('n')} AS canonical) t
        WHERE n > 0`,
      [count, agencyId, DEPARTMENT, AUTHOR, head.hash, base],
    );
    await db.query(
      `INSERT INTO audit.document_state (document_id, agency_id, state, entry_count, last_position, last_event_id, last_hash)
       SELECT e.document_id, e.actor_agency_id,
              jsonb_build_object('status', 'draft', 'authorId', e.actor_id, 'version', 1, 'contentHash', e.envelope->'payload'->>'contentHash', 'signatures', '{}'::jsonb, 'signers', '[]'::jsonb),
              1, e.position, e.event_id, e.document_hash
         FROM audit.ledger_entry e WHERE e.position > $1`,
      [base],
    );
    await db.query(
      `UPDATE audit.ledger_head h SET position = e.position, hash = e.hash, event_id = e.event_id, updated_at = now()
         FROM audit.ledger_entry e WHERE h.id = 1 AND e.position = $1`,
      [base + count],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** A Prometheus histogram as scraped: its cumulative buckets and its sum (seconds). */
export interface HistogramScrape {
  buckets: Map<number, number>;
  sum: number;
}

export async function scrapeHistogram(metricsUrl: string, name: string): Promise<HistogramScrape> {
  const text = await (await fetch(metricsUrl)).text();
  const buckets = new Map<number, number>();
  for (const [, le, value] of text.matchAll(new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\S+)$`, 'gm'))) {
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(value));
  }
  let sum = 0;
  for (const [, value] of text.matchAll(new RegExp(`^${name}_sum(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) sum += Number(value);
  return { buckets, sum };
}

export interface HistogramSummary {
  count: number;
  /** The exact mean in ms (sum ÷ count). */
  mean: number;
  /** Quantiles in ms, interpolated linearly inside the bucket (coarse: the first bucket is 0–5 ms). */
  p50: number;
  p95: number;
  p99: number;
}

/** What was observed between two scrapes. */
export function histogramDelta(beforeScrape: HistogramScrape, afterScrape: HistogramScrape): HistogramSummary {
  const before = beforeScrape.buckets;
  const after = afterScrape.buckets;
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const cumulative = bounds.map((bound) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0));
  const count = cumulative.at(-1) ?? 0;
  const quantile = (q: number): number => {
    if (count === 0) return Number.NaN;
    const rank = q * count;
    const index = cumulative.findIndex((value) => value >= rank);
    const upper = bounds[index] ?? Number.POSITIVE_INFINITY;
    const lower = index > 0 ? bounds[index - 1]! : 0;
    if (!Number.isFinite(upper)) return lower * 1000;
    const below = index > 0 ? cumulative[index - 1]! : 0;
    const inBucket = cumulative[index]! - below;
    return 1000 * (lower + (inBucket === 0 ? 0 : ((rank - below) / inBucket) * (upper - lower)));
  };
  return { count, mean: count === 0 ? Number.NaN : (1000 * (afterScrape.sum - beforeScrape.sum)) / count, p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) };
}

export interface BackgroundVerification {
  runId: number;
  ok: boolean | null;
  checked: number;
  /** From the run's row: started_at to finished_at. */
  seconds: number;
  entriesPerSecond: number;
  /** The audit process's RSS just before, and its peak while the run ran (sampled every 250 ms). */
  rssBeforeBytes: number;
  rssPeakBytes: number;
  /** The audit process's RSS when the run had checked a quarter, half and three quarters of the chain: flat if memory does not grow with it. */
  rssAtProgressBytes: { quarter: number; half: number; threeQuarters: number };
}

/** An auditor asks for a full run; its duration from the run's own row, the audit process's RSS sampled meanwhile. */
export async function verifyInBackground(auditor: Person, auditPid: number, databaseUrl: string, timeoutMs: number): Promise<BackgroundVerification> {
  const rssBeforeBytes = rssBytes(auditPid);
  let rssPeakBytes = rssBeforeBytes;
  const started = await auditor.expect('verify now', 202, 'POST', '/api/v1/audit/verify', {});
  if (started.started !== true) throw new Error(`no verification run started: ${JSON.stringify(started)}`);
  const runId = started.runId as number;
  const deadline = performance.now() + timeoutMs;
  const samples: { share: number; rss: number }[] = [];
  for (;;) {
    const rss = rssBytes(auditPid);
    rssPeakBytes = Math.max(rssPeakBytes, rss);
    const status = await auditor.expect('verification status', 200, 'GET', '/api/v1/audit/verify');
    if (typeof status.runId === 'number' && status.runId >= runId) break;
    const running = status.running as { checked: number; headPosition: number } | null;
    if (running) samples.push({ share: running.checked / Math.max(1, running.headPosition), rss });
    if (performance.now() > deadline) throw new Error(`verification run ${runId} did not finish within ${timeoutMs} ms`);
    await sleep(250);
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const row = (
      await db.query<{ status: string; checked: string; seconds: number }>(
        `SELECT status, checked, extract(epoch FROM finished_at - started_at)::float8 AS seconds FROM audit.verification_run WHERE id = $1`,
        [runId],
      )
    ).rows[0]!;
    const checked = Number(row.checked);
    const at = (share: number) => samples.find((sample) => sample.share >= share)?.rss ?? Number.NaN;
    const rssAtProgressBytes = { quarter: at(0.25), half: at(0.5), threeQuarters: at(0.75) };
    return { rssAtProgressBytes, runId, ok: row.status === 'ok' ? true : row.status === 'broken' ? false : null, checked, seconds: row.seconds, entriesPerSecond: checked / Math.max(row.seconds, 1e-3), rssBeforeBytes, rssPeakBytes };
  } finally {
    await db.end();
  }
}

/** Waits until the ledger's head has not moved for two seconds (the events of what came before are appended). */
export async function settleLedger(databaseUrl: string, timeoutMs = 120_000): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = performance.now() + timeoutMs;
    let last = -1;
    let still = 0;
    for (;;) {
      const position = Number((await db.query<{ position: string }>('SELECT position FROM audit.ledger_head WHERE id = 1')).rows[0]?.position ?? 0);
      still = position === last ? still + 1 : 0;
      last = position;
      if (still >= 4 || performance.now() > deadline) return position;
      await sleep(500);
    }
  } finally {
    await db.end();
  }
}

export async function documentCount(databaseUrl: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM drafting.documents')).rows[0]?.n ?? 0;
  } finally {
    await db.end();
  }
}

/** From an event's occurrence (the producer's clock) to its append (the ledger's transaction), for the entries after `afterPosition`, in ms. */
export async function eventToLedger(databaseUrl: string, afterPosition: number): Promise<{ count: number; p50: number; p95: number; p99: number }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const row = (
      await db.query<{ count: number; p50: number | null; p95: number | null; p99: number | null }>(
        `SELECT count(*)::int AS count,
                1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)) AS p50,
                1000 * percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)) AS p95,
                1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)) AS p99
           FROM audit.ledger_entry WHERE position > $1`,
        [afterPosition],
      )
    ).rows[0]!;
    return { count: row.count, p50: Number(row.p50 ?? Number.NaN), p95: Number(row.p95 ?? Number.NaN), p99: Number(row.p99 ?? Number.NaN) };
  } finally {
    await db.end();
  }
}
