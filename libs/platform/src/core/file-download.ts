import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';

export interface DownloadFile {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * Sends a stored file as a download, the same way at the gateway and the portal: its sniffed media
 * type, `Content-Disposition: attachment` with the name as RFC 6266/5987 `filename*` (UTF-8, Chinese
 * names intact) and an ASCII fallback, and `X-Content-Type-Options: nosniff` so no browser reads it
 * as anything else.
 */
export function sendDownload(reply: FastifyReply, file: DownloadFile, cacheControl: string): FastifyReply {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1] ?? 'bin';
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.filename, { fallback: `attachment.${extension.toLowerCase()}` }))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cacheControl)
    .header('content-length', String(file.bytes.byteLength))
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
