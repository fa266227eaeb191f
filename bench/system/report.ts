import os from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Ceiling } from './ceilings.js';
import type { ProfileSummary } from './cpu-profile.js';
import type { LoadResult, Percentiles } from './measure.js';
import { percentiles } from './measure.js';
import type { GrowthReport } from './growth-phase.js';
import type { StatementCost } from './postgres-stats.js';
import type { PipelineResult } from './workloads.js';
import { PIPELINE_STEPS } from './workloads.js';

export interface ApprovalRun {
  reviewers: number;
  load: LoadResult;
  /** CPU ms per decision, by process, net of the process's idle CPU over the phase. */
  cpuMsPerDecision: Record<string, number>;
  grossCpuMsPerDecision: Record<string, number>;
  /** The machine's nats-server and redis-server and the load generator, net of idle: beside the totals. */
  besideCpuMsPerDecision?: Record<string, number>;
  /** Read and write system calls per decision by process (the machine's NATS and Redis included), net of idle. */
  syscallsPerDecision?: Record<string, number>;
  postgresPerDecision: Record<string, number>;
}

export interface PipelineRun {
  result: PipelineResult;
  cpuMsPerDocument: Record<string, number>;
  grossCpuMsPerDocument: Record<string, number>;
  besideCpuMsPerDocument?: Record<string, number>;
  syscallsPerDocument?: Record<string, number>;
}

export interface SystemReport {
  phaseSeconds: number;
  ceilings: Ceiling[];
  approvals: ApprovalRun[];
  pipelines: PipelineRun[];
  rss: { idle: Record<string, number>; peak: Record<string, number>; after: Record<string, number>; afterSeconds: number };
  profile?: { window: string; decisions: number; byApp: Record<string, ProfileSummary>; statements: StatementCost[] };
  growth?: GrowthReport;
}

export const BEGIN = '<!-- bench:system begin -->';
export const END = '<!-- bench:system end -->';

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
const lat = (p: Pick<Percentiles, 'p50' | 'p95' | 'p99'>) => `${n(p.p50)} / ${n(p.p95)} / ${n(p.p99)}`;
const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

/** A table with one row per run and one column per key of its figures. */
function keyedTable(label: string, rows: [number, Record<string, number>][]): string[] {
  const keys = Object.keys(rows[0]?.[1] ?? {});
  return [`| ${label} | ${keys.join(' | ')} |`, `|---:|${keys.map(() => '---:').join('|')}|`, ...rows.map(([run, values]) => `| ${run} | ${keys.map((key) => n(values[key] ?? Number.NaN)).join(' | ')} |`)];
}

/** The machine's NATS and Redis servers and the load generator per operation, when measured: not in the totals above them. */
function besideTable(label: string, unit: string, rows: [number, Record<string, number> | undefined][]): string[] {
  const measured = rows.filter((row): row is [number, Record<string, number>] => row[1] !== undefined && Object.keys(row[1]).length > 0);
  if (measured.length === 0) return [];
  return [`Beside them, not in the totals: the machine's NATS and Redis servers and the benchmark's own process (its HTTP clients), CPU ms per ${unit}, net of idle:`, '', ...keyedTable(label, measured), ''];
}

/**
 * Read and write system calls per operation by process, with their sum: a count of the messages a
 * step costs (each query, request, publish and acknowledgement is a write and a read somewhere), far
 * steadier than CPU time on a shared machine.
 */
function syscallTable(label: string, unit: string, rows: [number, Record<string, number> | undefined][]): string[] {
  const measured = rows
    .filter((row): row is [number, Record<string, number>] => row[1] !== undefined && Object.keys(row[1]).length > 0)
    .map(([run, values]): [number, Record<string, number>] => [run, { ...values, all: sum(values) }]);
  if (measured.length === 0) return [];
  return [`Read and write system calls per ${unit} by process (/proc/<pid>/io syscr + syscw, net of idle; NATS and Redis included; PostgreSQL's socket send/recv are not counted there):`, '', ...keyedTable(label, measured), ''];
}

/** The system section of docs/benchmarks.md, rewritten between its markers (the rest of the page stays). */
export function writeReport(file: string, report: SystemReport): void {
  const pgCeiling = (clients: number) => report.ceilings.find((c) => c.name.startsWith('PostgreSQL') && c.concurrency === clients)?.perSecond;
  const lines: string[] = [
    BEGIN,
    '## The whole system (`npm run bench:system`)',
    '',
    'One run on the machine described. Whatever else ran at the same time shows in the load average',
    'below (the benchmark\'s own load included): wall-clock figures (per second, latencies) suffer first,',
    'CPU per operation is the steadier figure. The sections further down say which runs had the machine to themselves.',
    '',
    `- Date: ${new Date().toISOString()}; phase length ${report.phaseSeconds} s`,
    `- CPU: ${os.cpus()[0]?.model.trim() ?? 'unknown'} × ${os.cpus().length}; memory ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; Node ${process.version}`,
    `- Load average at report time: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    '',
    '### Ceilings (the parts alone, on this machine)',
    '',
    '| what | clients | per second | p50 / p95 / p99 ms |',
    '|---|---:|---:|---|',
    ...report.ceilings.map((c) => `| ${c.name} | ${c.concurrency} | ${n(c.perSecond, 0)} | ${lat(c.latency)} |`),
    '',
    '### Approvals (level 1, one account per reviewer)',
    '',
    '| reviewers | decisions | failed | decisions/s | p50 / p95 / p99 ms | of the PostgreSQL ceiling | CPU ms per decision, net of idle (gross) |',
    '|---:|---:|---:|---:|---|---:|---:|',
    ...report.approvals.map((a) => {
      const ceiling = pgCeiling(a.reviewers >= 32 ? 64 : a.reviewers >= 8 ? 16 : 1);
      return `| ${a.reviewers} | ${a.load.operations} | ${a.load.failures} | ${n(a.load.perSecond)} | ${lat(percentiles(a.load.latenciesMs))} | ${ceiling ? `${n((100 * a.load.perSecond) / ceiling, 1)} %` : '—'} | ${n(sum(a.cpuMsPerDecision))} (${n(sum(a.grossCpuMsPerDecision))}) |`;
    }),
    '',
    'CPU ms per decision by process, net of each one\'s idle CPU measured just before the phase (utime + stime from /proc; postgres = this database\'s backends):',
    '',
    ...keyedTable('reviewers', report.approvals.map((a) => [a.reviewers, a.cpuMsPerDecision])),
    '',
    ...besideTable('reviewers', 'decision', report.approvals.map((a) => [a.reviewers, a.besideCpuMsPerDecision])),
    ...syscallTable('reviewers', 'decision', report.approvals.map((a) => [a.reviewers, a.syscallsPerDecision])),
    'PostgreSQL per decision (pg_stat_database deltas over the phase):',
    '',
    ...keyedTable('reviewers', report.approvals.map((a) => [a.reviewers, a.postgresPerDecision])),
    '',
    '### Full pipeline (create → submit → 三审 → 保密审查 → portal receipt)',
    '',
    '| clients | documents | failed | documents/s | next actor sees the step: p50 / p95 / p99 ms | first look stale | CPU ms per document, net of idle (gross) |',
    '|---:|---:|---:|---:|---|---:|---:|',
    ...report.pipelines.map(
      (p) =>
        `| ${p.result.clients} | ${p.result.load.operations} | ${p.result.load.failures} | ${n(p.result.load.perSecond, 2)} | ${lat(p.result.lag)} | ${p.result.notYetVisible} | ${n(sum(p.cpuMsPerDocument))} (${n(sum(p.grossCpuMsPerDocument))}) |`,
    ),
    '',
    'CPU ms per document by process, net of idle:',
    '',
    ...keyedTable('clients', report.pipelines.map((p) => [p.result.clients, p.cpuMsPerDocument])),
    '',
    ...besideTable('clients', 'document', report.pipelines.map((p) => [p.result.clients, p.besideCpuMsPerDocument])),
    ...syscallTable('clients', 'document', report.pipelines.map((p) => [p.result.clients, p.syscallsPerDocument])),
    'Per step, p50 / p95 / p99 ms:',
    '',
    `| clients | ${PIPELINE_STEPS.join(' | ')} |`,
    `|---:|${PIPELINE_STEPS.map(() => '---').join('|')}|`,
    ...report.pipelines.map((p) => `| ${p.result.clients} | ${PIPELINE_STEPS.map((step) => lat(p.result.steps[step])).join(' | ')} |`),
    '',
    ...report.pipelines.flatMap((p) => (p.result.load.failureSamples.length > 0 ? [`Failures at ${p.result.clients} clients, first ones: ${p.result.load.failureSamples.join('; ')}`, ''] : [])),
    '### Memory (RSS, MiB)',
    '',
    `| | ${Object.keys(report.rss.idle).join(' | ')} | all |`,
    `|---|${Object.keys(report.rss.idle).map(() => '---:').join('|')}|---:|`,
    ...(['idle', 'peak', 'after'] as const).map(
      (when) =>
        `| ${when === 'peak' ? 'peak under load' : when === 'after' ? `${report.rss.afterSeconds} s after` : 'idle after boot'} | ${Object.keys(report.rss.idle)
          .map((app) => mib(report.rss[when][app] ?? 0))
          .join(' | ')} | ${mib(sum(report.rss[when]))} |`,
    ),
    '',
  ];
  if (report.growth) lines.push(...growthSection(report.growth));
  if (report.profile) {
    lines.push(`### CPU profile: ${report.profile.window} (${report.profile.decisions} decisions)`, '');
    lines.push('Self time per decision by package, from each service\'s `--cpu-prof` samples inside the window:', '');
    for (const [app, summary] of Object.entries(report.profile.byApp)) {
      const per = (ms: number) => n(ms / report.profile!.decisions, 2);
      lines.push(`- **${app}** ${per(summary.busyMs)} ms: ${summary.byPackage.slice(0, 10).map((p) => `${p.name} ${per(p.ms)}`).join(', ')}`);
    }
    lines.push('', 'Top functions by self time (ms per decision):', '');
    for (const [app, summary] of Object.entries(report.profile.byApp)) {
      lines.push(`- **${app}**: ${summary.byFunction.slice(0, 8).map((f) => `\`${f.name}\` ${n(f.ms / report.profile!.decisions, 2)}`).join(', ')}`);
    }
    if (report.profile.statements.length > 0) {
      lines.push('', 'PostgreSQL statements per decision (log_min_duration_statement = 0 on the bench database):', '');
      lines.push('| statement | calls per decision | ms per decision |', '|---|---:|---:|');
      for (const s of report.profile.statements.slice(0, 25)) {
        lines.push(`| \`${s.statement.replaceAll('|', '\\|')}\` | ${n(s.calls / report.profile.decisions, 2)} | ${n(s.totalMs / report.profile.decisions, 3)} |`);
      }
    }
    lines.push('');
  }
  lines.push(END);
  const block = lines.join('\n');
  const page = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  const next = start >= 0 && end > start ? `${page.slice(0, start)}${block}${page.slice(end + END.length)}` : `${page.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** Growth: the same approvals before and after the population grows, their ratio, and the background verification. */
function growthSection(growth: GrowthReport): string[] {
  const ratio = (after: number, before: number) => (Number.isFinite(after / before) ? `${(after / before).toFixed(2)}×` : '—');
  const rows = growth.small.approvals.flatMap((small) => {
    const grown = growth.grown.approvals.find((run) => run.reviewers === small.reviewers);
    if (!grown) return [];
    const three = (a: Pick<Percentiles, 'p50' | 'p95' | 'p99'>, b: Pick<Percentiles, 'p50' | 'p95' | 'p99'>) => `${ratio(b.p50, a.p50)} / ${ratio(b.p95, a.p95)} / ${ratio(b.p99, a.p99)}`;
    return [
      `| approve | ${small.reviewers} | ${small.load.operations} / ${grown.load.operations} | ${lat(small.latency)} | ${lat(grown.latency)} | ${three(small.latency, grown.latency)} |`,
      `| ledger append (mean; p50 / p95 / p99 from buckets) | ${small.reviewers} | ${small.ledgerAppend.count} / ${grown.ledgerAppend.count} | ${n(small.ledgerAppend.mean, 2)}; ${lat(small.ledgerAppend)} | ${n(grown.ledgerAppend.mean, 2)}; ${lat(grown.ledgerAppend)} | ${ratio(grown.ledgerAppend.mean, small.ledgerAppend.mean)} (mean) |`,
      `| event → ledger | ${small.reviewers} | ${small.eventToLedger.count} / ${grown.eventToLedger.count} | ${lat(small.eventToLedger)} | ${lat(grown.eventToLedger)} | ${three(small.eventToLedger, grown.eventToLedger)} |`,
    ];
  });
  const v = growth.verification;
  return [
    `### Growth: ${growth.seed.count.toLocaleString('en')} more documents and ledger entries`,
    '',
    `Seeded straight into PostgreSQL (bench/system/growth.ts): published articles of the demo agency in drafting's documents and versions and review's cases, and one \`document.created\` ledger entry each with its document_state, chained after the head with the ledger's own hashing (so the verification walks a valid chain). Before: ${growth.small.documents.toLocaleString('en')} documents, ${growth.small.ledgerEntries.toLocaleString('en')} ledger entries; after: ${growth.grown.documents.toLocaleString('en')} and ${growth.grown.ledgerEntries.toLocaleString('en')}. Seeding took ${Object.entries(growth.seed.seconds).map(([what, seconds]) => `${what} ${n(seconds)} s`).join(', ')}.`,
    '',
    'Level-1 approvals (ms, client side), the ledger appends they cause (`sanshen_ledger_append_duration_seconds` over the approvals: the exact mean, and quantiles interpolated in its buckets, whose first is 0–5 ms) and each approval event\'s way from its occurrence to its append (`recorded_at − occurred_at`: outbox relay, JetStream, the ledger\'s consumer); the target is grown ≤ 1.2× small:',
    '',
    '| what | reviewers | count small / grown | small: p50 / p95 / p99 | grown: p50 / p95 / p99 | grown ÷ small |',
    '|---|---:|---:|---|---|---|',
    ...rows,
    '',
    `Background verification of the grown chain (a full run asked for with \`POST /api/v1/audit/verify\`; scheduled runs were off): ${v.checked.toLocaleString('en')} entries, ${v.ok === true ? 'intact' : v.ok === false ? '**broken**' : 'no verdict'}, ${n(v.seconds)} s (${n(v.entriesPerSecond, 0)} entries/s); audit RSS ${mib(v.rssBeforeBytes)} MiB before, ${mib(v.rssAtProgressBytes.quarter)} / ${mib(v.rssAtProgressBytes.half)} / ${mib(v.rssAtProgressBytes.threeQuarters)} MiB at a quarter / half / three quarters of the chain, ${mib(v.rssPeakBytes)} MiB at most while it ran (the services run with \`--max-old-space-size=192\`).`,
    '',
  ];
}
