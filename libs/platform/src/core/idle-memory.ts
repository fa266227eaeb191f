import { performance } from 'node:perf_hooks';

/**
 * Giving memory back once a service is idle. V8 keeps the pages a load made it grow into, so a
 * service's RSS stays at its peak long after the load; a last-resort major GC (the kind V8 runs
 * before it gives up) compacts the heap and returns its free pages to the system. It blocks for
 * tens of milliseconds, so it runs only when the process has been quiet for a while, and only when
 * it has grown since it last ran. It needs `--expose-gc` (the image's NODE_OPTIONS); without it
 * nothing happens.
 */
export interface IdleMemoryOptions {
  /** How often the event loop's utilization and RSS are sampled. */
  checkEveryMs: number;
  /** Below this share of one core the process counts as quiet… */
  quietUtilization: number;
  /** …for this many checks in a row. */
  quietChecks: number;
  /** Growth of RSS over what it was right after the last release that is worth a release. */
  growthBytes: number;
}

export const IDLE_MEMORY_DEFAULTS: IdleMemoryOptions = {
  checkEveryMs: 5000,
  quietUtilization: 0.05,
  quietChecks: 3,
  growthBytes: 8 * 1024 * 1024,
};

export interface IdleSample {
  /** The event loop's utilization over the last check (0–1). */
  utilization: number;
  rssBytes: number;
}

/** The decision alone: fed one sample per check, it says when to release. */
export class IdleMemoryPolicy {
  private readonly options: IdleMemoryOptions;
  private quietInARow = 0;
  /** RSS right after the last release; none yet, so the first quiet spell after boot releases. */
  private settledRss = 0;

  // No parameter property: the file also runs as it is under Node's type stripping (its spec's child process).
  constructor(options: IdleMemoryOptions = IDLE_MEMORY_DEFAULTS) {
    this.options = options;
  }

  shouldRelease(sample: IdleSample): boolean {
    this.quietInARow = sample.utilization < this.options.quietUtilization ? this.quietInARow + 1 : 0;
    return this.quietInARow >= this.options.quietChecks && sample.rssBytes > this.settledRss + this.options.growthBytes;
  }

  /** After a release: the RSS it left is the new baseline, and the quiet spell starts again. */
  released(rssBytes: number): void {
    this.settledRss = rssBytes;
    this.quietInARow = 0;
  }
}

export interface MemoryRelease {
  beforeBytes: number;
  afterBytes: number;
  ms: number;
}

/**
 * Samples the process every `checkEveryMs` (an unref'd timer: it never keeps the process alive) and
 * runs the last-resort GC when the policy says so. Returns a stop function; null when the process
 * was started without `--expose-gc`.
 */
export function releaseMemoryWhenIdle(
  onRelease: (release: MemoryRelease) => void,
  options: IdleMemoryOptions = IDLE_MEMORY_DEFAULTS,
): (() => void) | null {
  const collect = globalThis.gc;
  if (collect === undefined) return null;
  const policy = new IdleMemoryPolicy(options);
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    const beforeBytes = process.memoryUsage.rss();
    if (!policy.shouldRelease({ utilization, rssBytes: beforeBytes })) return;
    const started = performance.now();
    collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    const afterBytes = process.memoryUsage.rss();
    policy.released(afterBytes);
    last = performance.eventLoopUtilization();
    onRelease({ beforeBytes, afterBytes, ms: performance.now() - started });
  }, options.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
