import { createHash } from 'node:crypto';

/** Fixed name space of publication ids (RFC 9562 name-based UUIDs). Never change: ids derive from it. */
const PUBLICATION_ID_NAMESPACE = Buffer.from('4d2a7c1e9b0f4e3a8c6d5b4a39281706', 'hex');

/**
 * The publication started by one `secrecy_cleared` event, as a UUIDv5 of the event id: a handler
 * that runs again for the same event (rolled back, redelivered) names the same publication and so
 * the same push job.
 */
export function publicationIdFor(eventId: string): string {
  const name = Buffer.from(eventId.replaceAll('-', '').toLowerCase(), 'hex');
  const hash = createHash('sha1').update(PUBLICATION_ID_NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
