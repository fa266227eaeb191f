import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled milliseconds inside the window (idle excluded). */
  busyMs: number;
  byPackage: { name: string; ms: number }[];
  byFunction: { name: string; ms: number }[];
}

/**
 * Self time of one `--cpu-prof` profile inside a window of the monotonic clock (µs, as
 * `process.hrtime` counts and V8 stamps samples), by package and by function; boot and shutdown
 * fall outside the window.
 */
export function summariseProfile(file: string, fromUs: number, toUs: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  /** A native frame (writev, JSON.parse) counts for the JavaScript that called it. */
  const caller = (node: ProfileNode): ProfileNode => {
    let at: ProfileNode | undefined = node;
    while (at && at.callFrame.url === '' && !at.callFrame.functionName.startsWith('(')) at = parents.get(at.id);
    return at ?? node;
  };
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = profile.startTime;
  let busyUs = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) continue;
    // A sample's weight is the time until the next one.
    const weight = profile.timeDeltas[index + 1] ?? 0;
    const node = nodes.get(profile.samples[index] as number);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busyUs += weight;
    const frame = caller(node).callFrame;
    const owner = packageOf(frame.url, frame.functionName);
    packages.set(owner, (packages.get(owner) ?? 0) + weight);
    const native = node.callFrame.url === '' && !node.callFrame.functionName.startsWith('(') ? `${node.callFrame.functionName} ← ` : '';
    const name = `${native}${frame.functionName || '(anonymous)'} ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + weight);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busyMs: busyUs / 1000, byPackage: top(packages, 15), byFunction: top(functions, 20) };
}

/** `pg`, `@nestjs/core`, `node:internal`, `sanshen` (our bundles and libs), or V8's own (GC, program). */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.startsWith('node:internal') ? 'node:internal' : url;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const dist = /\/dist\/(apps\/[^/]+|libs\/[^/]+)/.exec(url);
  return dist ? `sanshen ${dist[1]}` : url;
}
