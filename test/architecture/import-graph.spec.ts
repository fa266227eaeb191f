import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shared floor's dependency rule, read off the source: which of our units each unit imports.
 * eslint refuses a wrong import as it is written; this test shows the whole graph and fails on any edge
 * the architecture does not allow.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const PURE = ['kernel', 'workflow', 'annual-report', 'content-checks'];
const ALLOWED: Record<string, readonly string[]> = {
  kernel: [],
  contracts: ['kernel'],
  workflow: ['kernel'],
  'annual-report': ['kernel'],
  'content-checks': ['kernel'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(int-|e2e-)?spec\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(dir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '@sanshen\/([\w-]+)'/g)) found.add(match[1]);
  }
  return found;
}

const graph = (parent: string) =>
  Object.fromEntries(readdirSync(join(ROOT, parent)).map((unit) => [unit, [...importsOf(join(ROOT, parent, unit))].sort()]));

describe('import graph', () => {
  const libs = graph('libs');

  it.each(Object.keys(ALLOWED))('%s imports only what the architecture allows', (lib) => {
    const disallowed = libs[lib].filter((dependency) => dependency !== lib && !ALLOWED[lib].includes(dependency));
    expect(disallowed, `${lib} → ${disallowed.join(', ')}`).toEqual([]);
  });

  it('every pure lib depends on the kernel only, and the kernel on nothing of ours', () => {
    for (const lib of PURE) expect(libs[lib].filter((dependency) => dependency !== 'kernel' && dependency !== lib)).toEqual([]);
    expect(libs.kernel).toEqual([]);
  });

  it('knows every lib (a new lib must be placed in the rule)', () => {
    const placed = new Set([...Object.keys(ALLOWED), 'messaging', 'platform']);
    expect(Object.keys(libs).filter((lib) => !placed.has(lib))).toEqual([]);
  });

  it('no app imports another app', () => {
    const apps = readdirSync(join(ROOT, 'apps'));
    for (const app of apps) {
      for (const file of sourceFiles(join(ROOT, 'apps', app))) {
        const text = readFileSync(file, 'utf8');
        for (const other of apps.filter((name) => name !== app)) {
          expect(text.includes(`apps/${other}/`), `${relative(ROOT, file)} imports apps/${other}`).toBe(false);
        }
      }
    }
  });
});
