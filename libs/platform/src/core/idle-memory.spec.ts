import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IdleMemoryPolicy } from './idle-memory.js';
import type { MemoryRelease } from './idle-memory.js';

const MiB = 1024 * 1024;
const options = { checkEveryMs: 5000, quietUtilization: 0.05, quietChecks: 3, growthBytes: 8 * MiB };
const quiet = (rss: number) => ({ utilization: 0.01, rssBytes: rss * MiB });
const busy = (rss: number) => ({ utilization: 0.6, rssBytes: rss * MiB });

describe('IdleMemoryPolicy', () => {
  it('releases once the process has been quiet for the given checks in a row, the first time after boot', () => {
    const policy = new IdleMemoryPolicy(options);
    expect([quiet(140), quiet(140)].map((sample) => policy.shouldRelease(sample))).toEqual([false, false]);
    expect(policy.shouldRelease(quiet(140))).toBe(true);
  });

  it('starts the quiet spell again after any busy check', () => {
    const policy = new IdleMemoryPolicy(options);
    expect([quiet(140), quiet(140), busy(150), quiet(150), quiet(150)].map((sample) => policy.shouldRelease(sample))).toEqual([false, false, false, false, false]);
    expect(policy.shouldRelease(quiet(150))).toBe(true);
  });

  it('does not release again until RSS has grown past the growth bound over what the last release left', () => {
    const policy = new IdleMemoryPolicy(options);
    policy.released(100 * MiB);
    const idle = Array.from({ length: 10 }, () => policy.shouldRelease(quiet(107)));
    expect(idle.every((release) => !release)).toBe(true);
    // A load made it grow: once quiet again, it is given back.
    expect([busy(180), busy(180), quiet(180), quiet(180)].map((sample) => policy.shouldRelease(sample))).toEqual([false, false, false, false]);
    expect(policy.shouldRelease(quiet(180))).toBe(true);
  });

  it('counts the quiet spell afresh after a release', () => {
    const policy = new IdleMemoryPolicy(options);
    policy.released(100 * MiB);
    expect([quiet(130), quiet(130)].map((sample) => policy.shouldRelease(sample))).toEqual([false, false]);
    expect(policy.shouldRelease(quiet(130))).toBe(true);
  });
});

/** A process that grows by ~100 MiB of objects, drops them, and waits for the release (options: its Node flags). */
async function growThenIdle(flags: string[]): Promise<MemoryRelease | 'not started'> {
  const module = new URL('./idle-memory.ts', import.meta.url).href;
  const script = `
    const { releaseMemoryWhenIdle } = await import(${JSON.stringify(module)});
    let kept = [];
    for (let i = 0; i < 400000; i += 1) kept.push({ text: 'x'.repeat(60) + i, list: [i, i + 1] });
    kept = null;
    const stop = releaseMemoryWhenIdle((release) => { console.log(JSON.stringify(release)); process.exit(0); },
      { checkEveryMs: 50, quietUtilization: 0.5, quietChecks: 2, growthBytes: 1 });
    if (stop === null) { console.log('"not started"'); process.exit(0); }
    setTimeout(() => process.exit(1), 10000);
  `;
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as MemoryRelease | 'not started';
}

describe('releaseMemoryWhenIdle', () => {
  it('gives the pages of a dropped load back to the system once the process is quiet', async () => {
    const release = await growThenIdle(['--expose-gc', '--max-semi-space-size=4']);
    if (release === 'not started') throw new Error('started with --expose-gc, yet it did not run');
    expect(release.beforeBytes - release.afterBytes).toBeGreaterThan(30 * MiB);
  });

  it('does nothing in a process started without --expose-gc', async () => {
    expect(await growThenIdle([])).toBe('not started');
  });
});
