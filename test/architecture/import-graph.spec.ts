import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rules, read off the source: which of our units each unit imports. eslint refuses a
 * wrong import as it is written; this test shows the whole graph and fails on any edge the
 * architecture does not allow.
 *
 * - pure libs (kernel, workflow, annual-report, content-checks) and contracts: the kernel only;
 * - telemetry (the trace context across our seams, OpenTelemetry): nothing of ours;
 * - messaging (the event backbone, framework-free): contracts, the kernel and telemetry;
 * - the service kit, libs/platform, one unit per entry (`@sanshen/platform/<part>`): core knows no
 *   other part, rpc and queues stand on core, events on core and rpc (the NATS connection);
 * - apps: the kit, messaging, contracts and the pure libs, never another app; the portal takes the
 *   kit's core only, and nothing it loads, however indirectly, reaches NATS or Redis.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const PURE = ['kernel', 'workflow', 'annual-report', 'content-checks'];
const KIT_PARTS = ['core', 'rpc', 'events', 'queues'] as const;
const ALLOWED: Record<string, readonly string[]> = {
  kernel: [],
  contracts: ['kernel'],
  workflow: ['kernel'],
  'annual-report': ['kernel'],
  'content-checks': ['kernel'],
  telemetry: [],
  messaging: ['kernel', 'contracts', 'telemetry'],
  'platform/core': ['kernel', 'contracts', 'telemetry'],
  'platform/rpc': ['kernel', 'contracts', 'telemetry', 'platform/core'],
  'platform/events': ['kernel', 'contracts', 'workflow', 'messaging', 'telemetry', 'platform/core', 'platform/rpc'],
  'platform/queues': ['kernel', 'contracts', 'telemetry', 'platform/core'],
};
const APP_MAY_IMPORT = ['kernel', 'contracts', 'workflow', 'annual-report', 'content-checks', 'messaging', 'platform', ...KIT_PARTS.map((part) => `platform/${part}`)];
/** What the portal may load of ours, and the packages nothing it loads may import. */
const PORTAL_MAY_IMPORT = ['kernel', 'contracts', 'workflow', 'annual-report', 'content-checks', 'platform/core'];
const NOT_FOR_THE_PORTAL = [/^@nats-io\//, /^@nestjs\/microservices$/, /^@nestjs\/bullmq$/, /^bullmq$/, /^ioredis$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(int-|e2e-)?spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, side-effect and dynamic imports). */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^\s*(?:import|export)\s[^'";]*?['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  const sideEffects = [...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!);
  return [...statics, ...sideEffects, ...dynamics];
}

/** Which of our units a specifier names: `platform/core` for `@sanshen/platform/core`, `platform` for the kit's umbrella. */
const unitOf = (specifier: string): string | null => /^@sanshen\/([\w-]+(?:\/[\w-]+)?)$/.exec(specifier)?.[1] ?? null;

function importsOf(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(dir)) for (const specifier of specifiersOf(file)) {
    const unit = unitOf(specifier);
    if (unit !== null) found.add(unit);
  }
  return found;
}

/** The kit's parts import each other relatively: `../rpc/nats.js` from core is an edge core → rpc. */
function kitPartsImportedBy(part: string): Set<string> {
  const found = new Set<string>();
  const dir = join(ROOT, 'libs/platform/src', part);
  for (const file of sourceFiles(dir)) for (const specifier of specifiersOf(file)) {
    if (!specifier.startsWith('.')) continue;
    const target = relative(join(ROOT, 'libs/platform/src'), resolve(dirname(file), specifier));
    const other = target.split('/')[0]!;
    if (other !== part) found.add(target.includes('/') ? `platform/${other}` : `platform (${target})`);
  }
  return found;
}

const TS_PATHS = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, [string]> } }).compilerOptions.paths;

/** The file a specifier loads, when it is ours (relative or a `@sanshen/…` path); null for a package. */
function resolveOurs(from: string, specifier: string): string | null {
  const aliased = TS_PATHS[specifier]?.[0];
  const path = aliased !== undefined ? join(ROOT, aliased) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
  if (path === null) return null;
  const candidates = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, join(path, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found === undefined) throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
  return found;
}

/** Every file of ours that the given files load, however indirectly, and the packages those import. */
function closureOf(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of specifiersOf(file)) {
      const target = resolveOurs(file, specifier);
      if (target !== null) queue.push(target);
      else if (!packages.has(specifier)) packages.set(specifier, relative(ROOT, file));
    }
  }
  return { files, packages };
}

/** Each lib's imports, from its source (its tests may use what they like: messaging's opens databases with the kit). */
const libGraph = () =>
  Object.fromEntries(readdirSync(join(ROOT, 'libs')).map((lib) => [lib, [...importsOf(join(ROOT, 'libs', lib, 'src'))].sort()]));

describe('import graph', () => {
  const libs = { ...libGraph(), ...Object.fromEntries(KIT_PARTS.map((part) => [`platform/${part}`, [...importsOf(join(ROOT, 'libs/platform/src', part))].sort()])) };

  it.each(Object.keys(ALLOWED))('%s imports only what the architecture allows', (lib) => {
    const disallowed = libs[lib]!.filter((dependency) => dependency !== lib && !ALLOWED[lib]!.includes(dependency));
    expect(disallowed, `${lib} → ${disallowed.join(', ')}`).toEqual([]);
  });

  it('every pure lib depends on the kernel only, and the kernel on nothing of ours', () => {
    for (const lib of PURE) expect(libs[lib]!.filter((dependency) => dependency !== 'kernel' && dependency !== lib)).toEqual([]);
    expect(libs.kernel).toEqual([]);
  });

  it('knows every lib and every part of the kit (a new one must be placed in the rules)', () => {
    const placed = new Set([...Object.keys(ALLOWED), 'platform']);
    expect(Object.keys(libGraph()).filter((lib) => !placed.has(lib))).toEqual([]);
    const parts = readdirSync(join(ROOT, 'libs/platform/src')).filter((name) => statSync(join(ROOT, 'libs/platform/src', name)).isDirectory());
    expect(parts.sort()).toEqual([...KIT_PARTS].sort());
  });

  it.each(KIT_PARTS)('the kit’s %s imports only the parts below it', (part) => {
    const disallowed = [...kitPartsImportedBy(part)].filter((other) => !ALLOWED[`platform/${part}`]!.includes(other));
    expect(disallowed, `platform/${part} → ${disallowed.join(', ')}`).toEqual([]);
  });

  it('apps import the kit, messaging, contracts and the pure libs, and no other app', () => {
    const apps = readdirSync(join(ROOT, 'apps'));
    for (const app of apps) {
      const disallowed = [...importsOf(join(ROOT, 'apps', app))].filter((unit) => !APP_MAY_IMPORT.includes(unit));
      expect(disallowed, `${app} → ${disallowed.join(', ')}`).toEqual([]);
      for (const file of sourceFiles(join(ROOT, 'apps', app))) {
        const text = readFileSync(file, 'utf8');
        for (const other of apps.filter((name) => name !== app)) {
          expect(text.includes(`apps/${other}/`), `${relative(ROOT, file)} imports apps/${other}`).toBe(false);
        }
      }
    }
  });

  it('the portal takes the kit’s core only, and nothing it loads reaches NATS or Redis', () => {
    expect([...importsOf(join(ROOT, 'apps/portal'))].filter((unit) => !PORTAL_MAY_IMPORT.includes(unit))).toEqual([]);
    const { files, packages } = closureOf(sourceFiles(join(ROOT, 'apps/portal/src')));
    const kitFiles = [...files].map((file) => relative(ROOT, file)).filter((file) => file.startsWith('libs/platform/'));
    expect(kitFiles.filter((file) => !file.startsWith('libs/platform/src/core/'))).toEqual([]);
    expect(kitFiles).toContain('libs/platform/src/core/index.ts');
    const reached = [...packages].filter(([name]) => NOT_FOR_THE_PORTAL.some((pattern) => pattern.test(name)));
    expect(reached.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });
});
