import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The headers a browser needs from the API (issue #11), on every answer: a Content-Security-Policy
 * that lets the HTML answers (the approval sheet, the report rendering, the Swagger UI at /api/docs)
 * load only their own scripts and styles and never be framed, `nosniff`, a strict referrer policy,
 * `X-Frame-Options: DENY`. The operators' console sets its own stricter policy for its pages.
 * No `upgrade-insecure-requests`: the demo and the tests run over plain HTTP on localhost.
 */
export const API_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
