import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MEDIA_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);

/** One file of the built console, read once at boot, with its gzip form when that is smaller. */
export interface ConsoleFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

function load(path: string): ConsoleFile {
  const body = readFileSync(path);
  const extension = extname(path);
  const gzip = COMPRESSIBLE.has(extension) ? gzipSync(body, { level: 9 }) : null;
  return { body, gzip: gzip !== null && gzip.length < body.length ? gzip : null, type: MEDIA_TYPES[extension] ?? 'application/octet-stream' };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The built console (vite build → dist/console): index.html and every file by its URL path. */
export interface ConsoleBundle {
  index: ConsoleFile;
  files: Map<string, ConsoleFile>;
}

export function loadConsoleBundle(dir: string): ConsoleBundle | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, ConsoleFile>();
  for (const path of walk(dir)) files.set(`/${relative(dir, path).split(sep).join('/')}`, load(path));
  return { index: files.get('/index.html')!, files };
}
