import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The staff console (issue #13): built into dist/console, served by the gateway at `/`. Hashed
 * assets under /assets/ (cached for a year), index.html without cache. The pure libs are compiled
 * from source, the same code the services run; `node:crypto` (used by contracts' signing helpers,
 * never by the console) resolves to a stub so the browser bundle never carries it.
 */
export default defineConfig({
  root: here('./'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@sanshen/kernel': here('../../libs/kernel/src/index.ts'),
      '@sanshen/contracts': here('../../libs/contracts/src/index.ts'),
      '@sanshen/annual-report': here('../../libs/annual-report/src/index.ts'),
      '@sanshen/content-checks': here('../../libs/content-checks/src/index.ts'),
      'node:crypto': here('./src/shims/node-crypto.ts'),
    },
  },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
