/** Why a webhook URL is refused (stable error codes of the catalogue). */
export type WebhookRefusal = 'CHANNEL.WEBHOOK_URL_INVALID' | 'CHANNEL.WEBHOOK_HOST_NOT_ALLOWED';

/** The real robot hosts: the allow-list unless CHANNEL_ALLOWED_HOSTS names others. */
export const DEFAULT_ALLOWED_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'] as const;

const MAX_URL_LENGTH = 1000;

/**
 * Whether the gateway may POST to this URL (SSRF guard): an absolute http(s) URL without user
 * information whose host is on the allow-list (exact host names, case-insensitive; any port). Checked
 * when an admin saves it and again before every delivery, so a narrowed allow-list takes effect at once.
 */
export function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): { ok: true; url: URL } | { ok: false; code: WebhookRefusal } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'CHANNEL.WEBHOOK_URL_INVALID' };
  }
  if (raw.length > MAX_URL_LENGTH || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    return { ok: false, code: 'CHANNEL.WEBHOOK_URL_INVALID' };
  }
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.some((allowed) => allowed.toLowerCase() === host)) return { ok: false, code: 'CHANNEL.WEBHOOK_HOST_NOT_ALLOWED' };
  return { ok: true, url };
}

/** `a.example, B.example ` → `['a.example', 'b.example']`; empty → the vendors' hosts. */
export function parseAllowedHosts(value: string | undefined): string[] {
  const hosts = (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  return hosts.length > 0 ? hosts : [...DEFAULT_ALLOWED_HOSTS];
}

/** The last four characters, the rest hidden: how a stored secret is shown (never in full). */
export function maskSecret(secret: string): string {
  return secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}

/** A webhook URL with every query value masked: the robot's key or access token is a secret too. */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const masked = [...url.searchParams.entries()].map(([key, value]) => `${encodeURIComponent(key)}=${maskSecret(value)}`);
    return `${url.origin}${url.pathname}${masked.length > 0 ? `?${masked.join('&')}` : ''}`;
  } catch {
    return '****';
  }
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
