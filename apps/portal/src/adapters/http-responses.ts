import type { FastifyReply } from 'fastify';
import { CONTENT_SECURITY_POLICY } from './views/layout.js';

/** Public pages may be cached briefly; a correction or a retraction shows within a minute. */
const PAGE_CACHE = 'public, max-age=60';

export function sendHtml(reply: FastifyReply, status: number, body: string): void {
  void reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'strict-origin-when-cross-origin')
    .header('Cache-Control', status < 500 ? PAGE_CACHE : 'no-store')
    .send(body);
}

export function sendMachine(reply: FastifyReply, contentType: string, body: string): void {
  void reply
    .status(200)
    .header('Content-Type', `${contentType}; charset=utf-8`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', PAGE_CACHE)
    .send(body);
}
