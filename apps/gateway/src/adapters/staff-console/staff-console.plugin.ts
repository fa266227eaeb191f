import { dirname, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loadConsoleBundle } from './console-files.js';
import type { ConsoleFile } from './console-files.js';

/** Paths that are never the console's: the API, the operators' console, probes and metrics. */
const NOT_CONSOLE = /^\/(api|admin|health|metrics)(\/|$|\?)/;
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** dist/console next to dist/apps/gateway/main.js, unless CONSOLE_DIR says otherwise. */
function consoleDir(): string {
  return process.env.CONSOLE_DIR ?? resolve(dirname(process.argv[1] ?? '.'), '../../console');
}

function send(request: FastifyRequest, reply: FastifyReply, file: ConsoleFile, cacheControl: string): FastifyReply {
  const gzip = file.gzip !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  void reply.header('Cache-Control', cacheControl).header('Vary', 'Accept-Encoding').type(file.type);
  if (gzip) void reply.header('Content-Encoding', 'gzip');
  return reply.send(gzip ? file.gzip : file.body);
}

/**
 * The staff console (issue #13) at `/`: hashed assets with a year's immutable caching, index.html
 * revalidated on every load, and index.html for every other path that is not the API's, the
 * operators' console's or a probe's (client-side routes). The gateway's security headers (CSP:
 * scripts from this origin only) apply; the console has no inline script.
 */
export async function registerStaffConsole(app: NestFastifyApplication): Promise<void> {
  const logger = app.get<Logger>(ROOT_LOGGER);
  const dir = consoleDir();
  const bundle = loadConsoleBundle(dir);
  if (bundle === null) {
    logger.warn({ dir }, 'staff console not built (npm run build:console): / is not served');
    return;
  }
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_CONSOLE.test(path)) return reply.callNotFound();
    const file = bundle.files.get(path);
    if (file !== undefined && path.startsWith(HASHED_ASSETS)) return send(request, reply, file, IMMUTABLE);
    if (file !== undefined && path !== '/index.html') return send(request, reply, file, 'public, max-age=3600');
    if (path.startsWith(HASHED_ASSETS)) return reply.callNotFound();
    return send(request, reply, bundle.index, 'no-cache');
  });
  fastify.get('/', async (request, reply) => send(request, reply, bundle.index, 'no-cache'));
  logger.info({ dir, files: bundle.files.size }, 'staff console served at /');
}
