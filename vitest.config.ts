import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const lib = (path: string) => fileURLToPath(new URL(`./libs/${path}/index.ts`, import.meta.url));

/** The tsconfig.json paths. Matched whole: `@sanshen/platform` must not also catch `@sanshen/platform/core`. */
const PATHS: Record<string, string> = {
  '@sanshen/kernel': lib('kernel/src'),
  '@sanshen/contracts': lib('contracts/src'),
  '@sanshen/workflow': lib('workflow/src'),
  '@sanshen/messaging': lib('messaging/src'),
  '@sanshen/telemetry': lib('telemetry/src'),
  '@sanshen/platform': lib('platform/src'),
  '@sanshen/platform/core': lib('platform/src/core'),
  '@sanshen/platform/rpc': lib('platform/src/rpc'),
  '@sanshen/platform/events': lib('platform/src/events'),
  '@sanshen/platform/queues': lib('platform/src/queues'),
  '@sanshen/annual-report': lib('annual-report/src'),
  '@sanshen/content-checks': lib('content-checks/src'),
};

const alias = Object.entries(PATHS).map(([name, replacement]) => ({ find: new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`), replacement }));

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'test/deploy/**/*.spec.ts', 'test/architecture/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['libs/**/*.int-spec.ts', 'apps/**/*.int-spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e-spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The staff console in Debian's Chromium against the whole system (issue #13).
          name: 'browser',
          include: ['test/browser/**/*.browser-spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Each file runs its own PostgreSQL, NATS and Redis (test/resilience/support/infrastructure.ts).
          name: 'resilience',
          include: ['test/resilience/**/*.e2e-spec.ts'],
          environment: 'node',
          env: { SANSHEN_NAMESPACE: 'resilience' },
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The whole system under load (npm run bench:system): a measurement, not a test.
          name: 'system-bench',
          include: ['bench/system/**/*.system-bench.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 4 * 60 * 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          include: [],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          environment: 'node',
        },
      },
    ],
  },
});
