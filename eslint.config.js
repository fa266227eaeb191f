// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const APPS = ['gateway', 'drafting', 'review', 'secrecy', 'publication', 'audit', 'portal'];
/** Pure domain libs: no framework, no persistence, no transport, no I/O. */
const PURE_LIBS = ['kernel', 'contracts', 'workflow', 'annual-report', 'content-checks'];
/** What each pure lib may import of ours: the kernel, and nothing else (the kernel imports nothing of ours). */
const OUR_LIBS = ['@sanshen/*'];
/** The service kit's parts (libs/platform/src/<part>, `@sanshen/platform/<part>`) and what each may import of the others. */
const KIT = './libs/platform/src';
const KIT_PARTS_BELOW = { core: [], rpc: ['core'], queues: ['core'], events: ['core', 'rpc'] };
/** What reaches NATS or Redis: never in the kit's core, nor anywhere in the portal (readiness without NATS). */
const NATS_AND_REDIS = ['@nats-io/*', '@nestjs/microservices', '@nestjs/bullmq', 'bullmq', 'ioredis', '@sanshen/messaging'];
const FRAMEWORK_IMPORTS = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'pg',
  'ioredis',
  'bullmq',
  '@nats-io/*',
  'fastify',
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:child_process',
  'fs',
  'http',
];
/** Apps whose rules and use cases are typed on domain types: they import no ORM entity (the repository maps). */
const ENTITY_FREE_APPS = ['review'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.run/**', 'eslint.config.js', 'apps/*/src/console/assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: false, emitDecoratorMetadata: true, experimentalDecorators: true } },
    settings: {
      'import-x/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // An app never imports another app: services meet only over NATS.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: APPS.map((app) => ({
            target: `./apps/${app}`,
            from: APPS.filter((other) => other !== app).map((other) => `./apps/${other}`),
            message: 'Apps talk over NATS, never by importing each other.',
          })).concat([
            { target: './libs', from: './apps', message: 'Libs never import apps.' },
            ...Object.entries(KIT_PARTS_BELOW).map(([part, below]) => ({
              target: `${KIT}/${part}`,
              from: Object.keys(KIT_PARTS_BELOW)
                .filter((other) => other !== part && !below.includes(other))
                .map((other) => `${KIT}/${other}`)
                .concat([`${KIT}/index.ts`]),
              message: below.length > 0 ? `The kit's ${part} imports only its ${below.join(' and ')}.` : `The kit's ${part} imports no other part of the kit.`,
            })),
            {
              target: './apps/portal',
              from: [`${KIT}/rpc`, `${KIT}/events`, `${KIT}/queues`, `${KIT}/index.ts`, './libs/messaging'],
              message: 'The portal takes the kit’s core only (@sanshen/platform/core): it never uses NATS or Redis.',
            },
          ]),
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false }],
    },
  },
  ...PURE_LIBS.map((lib) => ({
    files: [`libs/${lib}/src/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FRAMEWORK_IMPORTS,
              message: 'Pure domain libs take no framework, persistence, transport or I/O.',
            },
            lib === 'kernel'
              ? { group: OUR_LIBS, message: 'The kernel depends on nothing of ours.' }
              : { group: OUR_LIBS.concat(['!@sanshen/kernel']), message: 'Pure libs and contracts depend on the kernel only.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/platform/src/core/**/*.ts', 'apps/portal/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@sanshen/platform', message: 'Import the part you use: @sanshen/platform/core (this entry reaches NATS).' }],
          patterns: [
            { group: NATS_AND_REDIS, message: 'The kit’s core and the portal reach neither NATS nor Redis.' },
            { group: ['@sanshen/platform/*', '!@sanshen/platform/core'], message: 'The kit’s core and the portal take only @sanshen/platform/core.' },
          ],
        },
      ],
    },
  },
  {
    files: ENTITY_FREE_APPS.flatMap((app) => [`apps/${app}/src/domain/**/*.ts`, `apps/${app}/src/use-cases/**/*.ts`]),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/*.orm-entity.js'], message: 'Rules and use cases take domain types; only persistence knows the ORM entities.' }] },
      ],
    },
  },
  {
    // The staff console (issue #13): React in the browser; it talks to the gateway over HTTP only.
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { window: 'readonly', document: 'readonly', performance: 'readonly', EventSource: 'readonly' } },
    settings: {
      'import-x/resolver': { typescript: { project: './apps/console/tsconfig.json' }, node: true },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sanshen/messaging', '@sanshen/platform', '@sanshen/workflow'], message: 'The console runs in the browser: pure libs only.' },
            { group: ['**/apps/*/src/**', '!**/apps/console/**'], message: 'The console talks to the gateway over HTTP, never by importing a service.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
