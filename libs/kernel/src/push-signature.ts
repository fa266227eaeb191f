import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Sanshen-Signature` value for a body: `sha256=` + hex HMAC-SHA256 of the exact bytes sent. */
export function portalSignature(rawBody: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Checks a signature header against the raw body in constant time; false for anything malformed. */
export function verifyPortalSignature(rawBody: Uint8Array, header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
