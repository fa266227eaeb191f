import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadBaseConfig } from '@sanshen/platform/core';
import { loadAuditConfig } from '../../apps/audit/src/config/audit.config.js';
import { loadGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { loadPortalConfig } from '../../apps/portal/src/config/portal.config.js';
import { loadPublicationConfig } from '../../apps/publication/src/config/publication.config.js';
import { loadReviewConfig } from '../../apps/review/src/config/review.config.js';

/**
 * docs/operations.md documents every environment variable a service reads: each configuration loader
 * is run on an environment that records what is asked of it, and every `process.env.X` outside the
 * loaders is read off the source. A variable added to a loader without a line in the page fails here.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const OPERATIONS = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

const LOADERS: Record<string, (env: NodeJS.ProcessEnv) => unknown> = {
  'every service (loadBaseConfig)': (env) => loadBaseConfig(env, 3000),
  gateway: loadGatewayConfig,
  review: loadReviewConfig,
  publication: loadPublicationConfig,
  portal: loadPortalConfig,
  audit: loadAuditConfig,
};

/** The variables a loader asks for: an environment that remembers every name looked up and holds none. */
function variablesReadBy(load: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const asked = new Set<string>();
  const remember = (name: string | symbol) => {
    if (typeof name === 'string' && /^[A-Z][A-Z0-9_]+$/.test(name)) asked.add(name);
  };
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, name) => (remember(name), undefined),
    has: (_target, name) => (remember(name), false),
  });
  try {
    load(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
  }
  return [...asked].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'console' && dir.endsWith('apps') ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

/** `process.env.X` read anywhere in the services' and libs' code (outside the loaders' env argument). */
function variablesReadInSource(): string[] {
  const names = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) {
      names.add((match[1] ?? match[2])!);
    }
  }
  return [...names].sort();
}

const documented = (name: string) => OPERATIONS.includes(`\`${name}\``);

describe('docs/operations.md', () => {
  it.each(Object.entries(LOADERS))('documents every variable read by %s', (_service, load) => {
    const read = variablesReadBy(load);
    expect(read.length).toBeGreaterThan(1);
    expect(read.filter((name) => !documented(name))).toEqual([]);
  });

  it('documents every variable the code reads outside the loaders', () => {
    const read = variablesReadInSource();
    expect(read).toContain('CONSOLE_DIR');
    expect(read.filter((name) => !documented(name))).toEqual([]);
  });

  it('sees through the loaders (a variable it could not see would pass unnoticed)', () => {
    expect(variablesReadBy(LOADERS.gateway!)).toEqual(expect.arrayContaining(['JWT_SECRET', 'DATABASE_URL', 'SMS_HTTP_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT']));
    expect(variablesReadBy(LOADERS.review!)).toContain('REVIEW_HOLIDAYS');
  });
});
