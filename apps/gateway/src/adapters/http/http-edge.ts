import cookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerCsvBody } from './csv-body.js';
import { registerRequestBodyPolicy } from './input/request-body.js';
import { TextPolicyPipe } from './input/text-policy.pipe.js';
import { RequestValidationPipe } from './input/validation.pipe.js';
import { registerMultipart } from './multipart.js';
import { registerSecurityHeaders } from './security-headers.js';

/**
 * The gateway's HTTP edge, in order (issue #11): security headers on every answer; cookies (a
 * browser console's session); the body rules (media types, JSON depth); file uploads and CSV; then,
 * for every route, the input policy on every string before the DTOs' validation (zod).
 */
export async function configureHttpEdge(app: NestFastifyApplication): Promise<void> {
  await registerSecurityHeaders(app);
  await app.register(cookie);
  registerRequestBodyPolicy(app);
  await registerMultipart(app);
  registerCsvBody(app);
  app.useGlobalPipes(new TextPolicyPipe(), new RequestValidationPipe());
}
