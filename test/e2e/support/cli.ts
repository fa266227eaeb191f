import { spawn } from 'node:child_process';
import { NODE, ROOT } from './system.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator's command line from the built gateway bundle, as `npm run sanshen -- …` and the
 * Kubernetes Job do, with only the settings it needs: the database (and the test's namespace).
 */
export function runSanshenCli(env: { DATABASE_URL?: string; NATS_URL?: string; SANSHEN_NAMESPACE: string }, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [`${ROOT}dist/apps/gateway/main.js`, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
