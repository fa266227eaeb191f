import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, jsonNestingExceeds, MAX_JSON_DEPTH } from '@sanshen/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * What a request body may be (issue #11): JSON everywhere; a multipart file upload and CSV only where
 * a route takes a file. A browser can send a form (`application/x-www-form-urlencoded`,
 * `multipart/form-data`, `text/plain`) to another site without asking; the API answers those with 415
 * before anything is read, so a forged form post never reaches a use case.
 */
export const BODY_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  '/api/v1/documents/import': ['application/json', 'multipart/form-data'],
  '/api/v1/users/import': ['application/json', 'multipart/form-data', 'text/csv'],
  // JSON is let through only so that a hostile JSON body meets the same parser limits everywhere (400
  // REQUEST.JSON_TOO_DEEP); the route then answers 415: it takes a multipart file.
  '/api/v1/documents/:id/attachments': ['multipart/form-data', 'application/json'],
};
const DEFAULT_MEDIA_TYPES: readonly string[] = ['application/json'];

/** The operators' console's routes keep their own body rules (its sign-in form, with a CSRF token). */
const OWN_BODY_RULES = '/admin';

/** The media types a route accepts a body in. */
export function mediaTypesOf(route: string): readonly string[] {
  return BODY_MEDIA_TYPES[route] ?? DEFAULT_MEDIA_TYPES;
}

/** The media type of a Content-Type header, lower case, without parameters; '' when absent. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Installs the body rules on the gateway: the media-type allow-list (415), and a JSON parser that
 * refuses nesting deeper than MAX_JSON_DEPTH (400 `REQUEST.JSON_TOO_DEEP`) on the raw text, before
 * it is parsed into objects; then Fastify's own parser, which refuses `__proto__`/`constructor` keys.
 */
export function registerRequestBodyPolicy(app: NestFastifyApplication): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      done(new DomainError('REQUEST.JSON_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(request as FastifyRequest, text, done);
  });
  fastify.addHook('onRequest', async (request) => {
    if (!hasBody(request)) return;
    const route = request.routeOptions.url;
    if (route === undefined || route === OWN_BODY_RULES || route.startsWith(`${OWN_BODY_RULES}/`)) return;
    const mediaType = mediaTypeOf(request.headers['content-type']);
    const accepted = mediaTypesOf(route);
    if (!accepted.includes(mediaType)) throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', { mediaType, accepted });
  });
}
