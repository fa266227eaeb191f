import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

const alias = {
  '@sanshen/kernel': lib('kernel'),
  '@sanshen/contracts': lib('contracts'),
  '@sanshen/workflow': lib('workflow'),
  '@sanshen/messaging': lib('messaging'),
  '@sanshen/platform': lib('platform'),
  '@sanshen/annual-report': lib('annual-report'),
  '@sanshen/content-checks': lib('content-checks'),
};

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
          name: 'bench',
          include: [],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          environment: 'node',
        },
      },
    ],
  },
});
