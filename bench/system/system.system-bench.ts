import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { it } from 'vitest';
import { TEST_PG_ADMIN_URL, databaseUrlFor } from '../../test/support/env.js';
import { APPS, ROOT, startSystem } from '../../test/e2e/support/system.js';
import type { RunningSystem } from '../../test/e2e/support/system.js';
import { httpCeiling, natsCeilings, postgresCeilings } from './ceilings.js';
import type { Ceiling } from './ceilings.js';
import { summariseProfile } from './cpu-profile.js';
import { growthPhase } from './growth-phase.js';
import { sleep } from './measure.js';
import { seedCasts } from './population.js';
import { ProcessMeter, RssSampler, deployedNodeOptions, pidsNamed, rssNow, syscalls } from './processes.js';
import { DatabaseStats, counterDelta, logOffset, statementsBetween } from './postgres-stats.js';
import { writeReport } from './report.js';
import type { ApprovalRun, PipelineRun, SystemReport } from './report.js';
import { approvals, pipeline, preparePendingL1 } from './workloads.js';

/**
 * `npm run bench:system` (scripts/bench-system.mjs): the ceilings of the parts, then the whole system
 * started in its own namespace and database — approvals at 1, 8 and 32 reviewers, the full pipeline
 * at 4, 16 and 64 clients, RSS idle, under load and after, CPU per operation per process — written
 * into docs/benchmarks.md. Not a test: nothing here asserts a timing.
 */
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 300);
const QUICK = PHASE_SECONDS < 300;
const PROFILE = process.env.BENCH_CPU_PROF === '1';
const ONLY = new Set((process.env.BENCH_ONLY ?? 'ceilings,approvals,pipeline,growth').split(','));
const REVIEWERS = (process.env.BENCH_REVIEWERS ?? '1,8,32').split(',').map(Number);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '4,16,64').split(',').map(Number);
/** The machine's NATS and Redis servers: measured beside the system, outside its totals (shared servers). */
const BESIDE = ['nats-server', 'redis-server'];
/** This benchmark's own process (its HTTP clients): beside the totals too, and out of the system-call counts. */
const LOAD_GENERATOR = 'load generator';
const DECISIONS: Record<number, number> = QUICK ? { 1: 100, 8: 300, 32: 600 } : { 1: 300, 8: 1500, 32: 3000 };
const CASTS = 32;
/** Documents and ledger entries the growth phase adds (`--growth=N`). */
const GROWTH = Number(process.env.BENCH_GROWTH ?? 1_000_000);
const GROWTH_DECISIONS: Record<number, number> = QUICK ? { 1: 100, 8: 200 } : { 1: 300, 8: 800 };
const REPORT = `${ROOT}docs/benchmarks.md`;

it('measures the whole system', async () => {
  const runNamespace = process.env.SANSHEN_NAMESPACE ?? '';
  const natsUrl = process.env.NATS_URL ?? '';
  const ceilingMs = QUICK ? 3000 : 10_000;
  const ceilings: Ceiling[] = [];
  if (ONLY.has('ceilings')) {
    ceilings.push(...(await postgresCeilings(process.env.DATABASE_URL ?? '', ceilingMs, [1, 4, 16, 64])));
    ceilings.push(...(await natsCeilings(natsUrl, runNamespace, ceilingMs, 32)));
    ceilings.push(await httpCeiling(ceilingMs, 32));
  }

  // The system's own database, made here so a profiling run can log its statements from the first connection.
  const namespace = `${runNamespace}_b`;
  const database = `sanshen_${namespace}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  if (PROFILE) await admin.query(`ALTER DATABASE "${database}" SET log_min_duration_statement = 0`);
  await admin.end();
  const profileDir = `${ROOT}.run/bench-system/cpu-prof`;
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });

  const system: RunningSystem = await startSystem(
    // The background verification runs at boot and then only when the growth phase asks for it.
    { ACCESS_TOKEN_TTL_SECONDS: '3600', AUDIT_VERIFY_INTERVAL_MS: String(24 * 3600 * 1000) },
    {
      existing: { namespace, databaseUrl: databaseUrlFor(database) },
      // As deployed: the image runs `node dist/apps/<service>/main.js` with the heap bounds its Dockerfile sets.
      nodeArgs: [...deployedNodeOptions(), ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      sourceMaps: false,
    },
  );
  const stats = await DatabaseStats.open(TEST_PG_ADMIN_URL, database);
  const servicePids = () => new Map(APPS.map((app) => [app, system.pid(app) ?? 0]));
  const meter = new ProcessMeter();
  const calls = new ProcessMeter(syscalls);
  const idleMs = QUICK ? 4000 : 10_000;
  /**
   * CPU of each process over `work`, gross and net of what it spends idle (relay polls, hand-over
   * inbox reads, timers), measured just before once the system has settled (under 10 % of a core for
   * a second, at most a minute): a slow phase on a shared machine then does not show its idle time as
   * cost per operation.
   */
  const measureCpu = async <T>(
    work: () => Promise<T>,
  ): Promise<{
    value: T;
    cpuSeconds: Record<string, number>;
    grossCpuSeconds: Record<string, number>;
    besideCpuSeconds: Record<string, number>;
    syscalls: Record<string, number>;
    postgres: Record<string, number>;
  }> => {
    const pids = async () =>
      new Map<string, number[]>([
        ...[...servicePids()].map(([app, pid]) => [app, [pid]] as [string, number[]]),
        ['postgres', await stats.backendPids()],
        ...BESIDE.map((name) => [name, pidsNamed(name)] as [string, number[]]),
        [LOAD_GENERATOR, [process.pid]],
      ]);
    // Settle first: the events of what came before (documents prepared for the phase) are still being applied.
    for (let second = 0; second < 60; second += 1) {
      meter.start(await pids());
      await sleep(1000);
      const busy = [...meter.stop(await pids()).values()].reduce((total, seconds) => total + seconds, 0);
      if (busy < 0.1) break;
    }
    const both = {
      start: (groups: Map<string, number[]>) => [meter, calls].forEach((each) => each.start(groups)),
      stop: (groups: Map<string, number[]>) => [meter, calls].map((each) => each.stop(groups)) as [Map<string, number>, Map<string, number>],
    };
    both.start(await pids());
    await sleep(idleMs);
    const [idle, idleCalls] = both.stop(await pids());
    const counters = await stats.counters();
    both.start(await pids());
    const started = performance.now();
    const value = await work();
    const [gross, grossCalls] = both.stop(await pids());
    const elapsedMs = performance.now() - started;
    const netOf = (totals: Map<string, number>, idleTotals: Map<string, number>) =>
      [...totals].map(([name, total]) => [name, Math.max(0, total - ((idleTotals.get(name) ?? 0) * elapsedMs) / idleMs)] as [string, number]);
    const net = netOf(gross, idle);
    const ours = (name: string) => !BESIDE.includes(name) && name !== LOAD_GENERATOR;
    return {
      value,
      cpuSeconds: Object.fromEntries(net.filter(([name]) => ours(name))),
      grossCpuSeconds: Object.fromEntries([...gross].filter(([name]) => ours(name))),
      besideCpuSeconds: Object.fromEntries(net.filter(([name]) => !ours(name))),
      syscalls: Object.fromEntries(netOf(grossCalls, idleCalls).filter(([name]) => name !== LOAD_GENERATOR)),
      postgres: counterDelta(counters, await stats.counters(), 1),
    };
  };
  const perOperation = (values: Record<string, number>, operations: number, scale: number) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, (scale * value) / Math.max(1, operations)]));

  let profileWindow: { label: string; from: number; to: number; decisions: number; logFrom: number; logTo: number } | null = null;
  const report: SystemReport = { phaseSeconds: PHASE_SECONDS, ceilings, approvals: [], pipelines: [], rss: { idle: {}, peak: {}, after: {}, afterSeconds: 0 } };
  try {
    await sleep(QUICK ? 5000 : 15_000);
    report.rss.idle = Object.fromEntries(rssNow(servicePids()));
    const casts = await seedCasts(system.gatewayUrl, system.demoPassword, CASTS);
    let serial = 0;

    if (ONLY.has('approvals')) {
      for (const reviewers of REVIEWERS) {
        const documents = await preparePendingL1(casts, reviewers, DECISIONS[reviewers] ?? 100, serial);
        serial += documents.length;
        await sleep(1000);
        const from = Number(process.hrtime.bigint() / 1000n);
        const logFrom = logOffset();
        const run = await measureCpu(() => approvals(casts, documents, reviewers));
        if (profileWindow === null) profileWindow = { label: `level-1 approvals, ${reviewers} reviewer(s)`, from, to: Number(process.hrtime.bigint() / 1000n), decisions: run.value.operations, logFrom, logTo: logOffset() };
        const entry: ApprovalRun = {
          reviewers,
          load: run.value,
          cpuMsPerDecision: perOperation(run.cpuSeconds, run.value.operations, 1000),
          grossCpuMsPerDecision: perOperation(run.grossCpuSeconds, run.value.operations, 1000),
          besideCpuMsPerDecision: perOperation(run.besideCpuSeconds, run.value.operations, 1000),
          syscallsPerDecision: perOperation(run.syscalls, run.value.operations, 1),
          postgresPerDecision: perOperation(run.postgres, run.value.operations, 1),
        };
        report.approvals.push(entry);
        console.log(`approvals at ${reviewers}: ${run.value.perSecond.toFixed(1)}/s, ${run.value.failures} failed, CPU ms/decision ${JSON.stringify(entry.cpuMsPerDecision)}`);
      }
    }

    if (ONLY.has('pipeline')) {
      const sampler = new RssSampler(servicePids);
      sampler.start();
      for (const clients of CLIENTS) {
        const from = Number(process.hrtime.bigint() / 1000n);
        const logFrom = logOffset();
        const run = await measureCpu(() => pipeline(casts, clients, PHASE_SECONDS * 1000, serial));
        // Profiled alone (--only=pipeline), the first phase is the window, per document.
        if (profileWindow === null) profileWindow = { label: `full pipeline, ${clients} client(s), per document`, from, to: Number(process.hrtime.bigint() / 1000n), decisions: run.value.load.operations, logFrom, logTo: logOffset() };
        serial += run.value.load.operations + run.value.load.failures;
        const entry: PipelineRun = {
          result: run.value,
          cpuMsPerDocument: perOperation(run.cpuSeconds, run.value.load.operations, 1000),
          grossCpuMsPerDocument: perOperation(run.grossCpuSeconds, run.value.load.operations, 1000),
          besideCpuMsPerDocument: perOperation(run.besideCpuSeconds, run.value.load.operations, 1000),
          syscallsPerDocument: perOperation(run.syscalls, run.value.load.operations, 1),
        };
        report.pipelines.push(entry);
        console.log(`pipeline at ${clients}: ${run.value.load.perSecond.toFixed(2)} documents/s, ${run.value.load.failures} failed, lag p99 ${run.value.lag.p99.toFixed(1)} ms`);
      }
      report.rss.peak = Object.fromEntries(sampler.stop());
    }
    const afterSeconds = QUICK ? 20 : 60;
    await sleep(afterSeconds * 1000);
    report.rss.after = Object.fromEntries(rssNow(servicePids()));
    report.rss.afterSeconds = afterSeconds;

    // Last: it leaves the database a million rows bigger.
    if (ONLY.has('growth')) {
      report.growth = await growthPhase(
        {
          gatewayUrl: system.gatewayUrl,
          demoPassword: system.demoPassword,
          databaseUrl: databaseUrlFor(database),
          auditMetricsUrl: `http://127.0.0.1:${system.ports.audit}/metrics`,
          auditPid: () => system.pid('audit') ?? 0,
        },
        casts,
        { count: GROWTH, reviewers: [1, 8], decisions: GROWTH_DECISIONS, serialBase: serial },
      );
    }
  } finally {
    await stats.close();
    await system.stop();
    if (PROFILE && profileWindow) {
      const window = profileWindow;
      const files = readdirSync(profileDir);
      const byApp: Record<string, ReturnType<typeof summariseProfile>> = {};
      for (const app of APPS) {
        const pid = servicePids().get(app);
        const file = files.find((name) => name.includes(`.${pid}.`));
        if (file) byApp[app] = summariseProfile(`${profileDir}/${file}`, window.from, window.to);
      }
      report.profile = {
        window: window.label,
        decisions: window.decisions,
        byApp,
        statements: statementsBetween(window.logFrom, window.logTo, database),
      };
    }
    const cleanup = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await cleanup.end();
  }
  mkdirSync(`${ROOT}.run`, { recursive: true });
  writeFileSync(`${ROOT}.run/bench-system.json`, JSON.stringify({ ...report, approvals: report.approvals.map((a) => ({ ...a, load: { ...a.load, latenciesMs: undefined } })) }, null, 1));
  writeReport(REPORT, report);
});
