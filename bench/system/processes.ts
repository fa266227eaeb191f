import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux x86-64). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The pids of the machine's processes whose command name (/proc/<pid>/comm) is `name`. */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Resident set size in bytes; 0 once the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** System calls that read or wrote (/proc/<pid>/io syscr + syscw) a process has made so far; 0 once it is gone. */
export function syscalls(pid: number): number {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return Number(/syscr: (\d+)/.exec(io)?.[1] ?? 0) + Number(/syscw: (\d+)/.exec(io)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * A per-process counter (CPU seconds by default, or system calls) of named groups of processes
 * between `start` and `stop` (a process is counted from when it is first seen).
 */
export class ProcessMeter {
  private readonly before = new Map<number, number>();

  constructor(private readonly read: (pid: number) => number = cpuSeconds) {}

  start(groups: Map<string, number[]>): void {
    this.before.clear();
    for (const list of groups.values()) for (const pid of list) this.before.set(pid, this.read(pid));
  }

  stop(groups: Map<string, number[]>): Map<string, number> {
    return new Map([...groups].map(([name, list]) => [name, sum(list.map((pid) => this.read(pid) - (this.before.get(pid) ?? 0)))]));
  }
}

/** Samples the RSS of named processes every second; keeps each one's peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  readonly peak = new Map<string, number>();

  constructor(private readonly pids: () => Map<string, number>) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  stop(): Map<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peak;
  }

  private sample(): void {
    for (const [name, pid] of this.pids()) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, rssBytes(pid)));
  }
}

export function rssNow(pids: Map<string, number>): Map<string, number> {
  return new Map([...pids].map(([name, pid]) => [name, rssBytes(pid)]));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The V8 options the image runs every service with (its Dockerfile's `NODE_OPTIONS`), so the benchmark measures what is deployed. */
export function deployedNodeOptions(dockerfile = new URL('../../Dockerfile', import.meta.url)): string[] {
  const match = /NODE_OPTIONS="([^"]*)"/.exec(readFileSync(dockerfile, 'utf8'));
  if (match === null) throw new Error('the Dockerfile sets no NODE_OPTIONS');
  return (match[1] as string).split(/\s+/).filter((option) => option.length > 0);
}
