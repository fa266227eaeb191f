import { createHmac } from 'node:crypto';

/**
 * 钉钉's signed-timestamp scheme for a custom robot with 加签: `sign` = base64(HMAC-SHA256(secret,
 * `${timestamp}\n${secret}`)), sent URL-encoded with `timestamp` (milliseconds) as query parameters.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's webhook URL with `timestamp` and `sign` added (URL-encoded) to its `access_token`. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return url.toString();
}

/**
 * The signature header of the generic HTTP SMS provider: `sha256=` + hex HMAC-SHA256 of
 * `${timestamp}\n${body}` with the shared secret (the provider checks it and the timestamp's age).
 */
export function smsSignature(secret: string, timestampMs: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampMs}\n${body}`, 'utf8').digest('hex')}`;
}
