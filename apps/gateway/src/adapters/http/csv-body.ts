import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Largest CSV body `POST /api/v1/users/import` accepts as text/csv. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Accepts `text/csv` request bodies as a string (the user import). */
export function registerCsvBody(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => {
      done(null, body);
    });
}
