// Runs the vitest benchmarks and writes docs/benchmarks.md (plain Node ESM, no dependencies).
// Usage: npm run bench
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputJson = path.join('.run', 'bench.json');
mkdirSync(path.join(root, '.run'), { recursive: true });

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const run = spawnSync(vitest, ['bench', '--run', '--project', 'bench', '--outputJson', outputJson], {
  cwd: root,
  stdio: 'inherit',
});

let report;
try {
  report = JSON.parse(readFileSync(path.join(root, outputJson), 'utf8'));
} catch (error) {
  console.error(`bench-report: no ${outputJson} (${error.message}); vitest exited with ${run.status}`);
  process.exit(run.status || 1);
}

const ms = (value) => (typeof value === 'number' ? value.toFixed(3) : '—');
const hz = (value) => (typeof value === 'number' ? value.toFixed(2) : '—');
const cell = (value) => String(value).replaceAll('|', '\\|');
const cpus = os.cpus();

const lines = [
  '# Benchmarks',
  '',
  'Figures produced by `npm run bench` (scripts/bench-report.mjs), which runs',
  '`vitest bench --run --project bench` over `bench/**/*.bench.ts`, keeps the raw results in',
  '`.run/bench.json` and rewrites this file. Run it on a quiet machine: the numbers below are from',
  'one run on the machine described, and other processes running at the same time inflate them.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
  `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  `- Node: ${process.version}`,
  `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
  `- Load average at report time: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
  '',
];

for (const file of report.files ?? []) {
  lines.push(`## ${path.relative(root, file.filepath)}`, '');
  lines.push('| group | name | hz | mean ms | p99 ms | samples |', '|---|---|---:|---:|---:|---:|');
  for (const group of file.groups ?? []) {
    const groupName = group.fullName.split(' > ').slice(1).join(' > ') || '—';
    for (const b of group.benchmarks ?? []) {
      const samples = b.sampleCount ?? b.samples?.length ?? '—';
      lines.push(`| ${cell(groupName)} | ${cell(b.name)} | ${hz(b.hz)} | ${ms(b.mean)} | ${ms(b.p99)} | ${samples} |`);
    }
  }
  lines.push('');
}
if (run.status !== 0) {
  lines.push(`> vitest exited with status ${run.status}: some benchmark files failed and are missing above.`, '');
}

// The whole-system section (npm run bench:system) and what follows it are kept as they are.
const page = path.join(root, 'docs', 'benchmarks.md');
let kept = '';
try {
  const previous = readFileSync(page, 'utf8');
  const start = previous.indexOf('<!-- bench:system begin -->');
  if (start >= 0) kept = previous.slice(start);
} catch {
  // no page yet
}
writeFileSync(page, `${lines.join('\n')}${kept === '' ? '' : `\n${kept}`}`);
console.log(`bench-report: wrote docs/benchmarks.md (vitest status ${run.status})`);
process.exit(run.status ?? 1);
