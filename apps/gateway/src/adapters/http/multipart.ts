import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Largest file `POST /api/v1/documents/import` accepts. The file travels to the drafting service
 * base64-encoded in one NATS message (1 MiB by default), which bounds it; larger → 413.
 */
export const MAX_IMPORT_FILE_BYTES = 700 * 1024;

/** multipart/form-data for file uploads: one file, bounded size, a few small fields. */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
}
