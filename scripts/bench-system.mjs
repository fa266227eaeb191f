// Runs the whole-system benchmark (bench/system) and writes its section of docs/benchmarks.md.
// Usage: npm run bench:system [-- --quick] [--cpu-prof] [--only=ceilings,approvals,pipeline,growth] [--reviewers=1,8,32] [--clients=4,16,64] [--growth=1000000]
//   --quick     20-second phases and fewer decisions (development); the full run has 5-minute phases
//   --cpu-prof  profiles every service (--cpu-prof) and logs the bench database's statements: the
//               profile of level-1 approvals by one reviewer goes into the report
//   --growth=N  documents and ledger entries the growth phase seeds (default 1,000,000)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const env = {
  ...process.env,
  BENCH_PHASE_SECONDS: value('seconds') ?? (args.includes('--quick') ? '20' : '300'),
  BENCH_CPU_PROF: args.includes('--cpu-prof') ? '1' : '0',
  ...(value('only') ? { BENCH_ONLY: value('only') } : {}),
  ...(value('clients') ? { BENCH_CLIENTS: value('clients') } : {}),
  ...(value('reviewers') ? { BENCH_REVIEWERS: value('reviewers') } : {}),
  ...(value('growth') ? { BENCH_GROWTH: value('growth') } : {}),
};
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const run = spawnSync(vitest, ['run', '--project', 'system-bench'], { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);
