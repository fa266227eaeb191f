/** How one attempt at a delivery ended: retried with backoff unless `permanent`. */
export type DeliveryOutcome = { ok: true } | { ok: false; permanent: boolean; reason: string };

const MAX_REASON = 300;

/** HTTP statuses that are worth another attempt: the server's trouble, a timeout, rate limiting. */
function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** An answer of a plain HTTP endpoint (the SMS provider): 2xx delivered, 4xx refused for good, 5xx again. */
export function httpOutcome(label: string, status: number, body: string): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  return { ok: false, permanent: !retryable(status), reason: clip(`${label}返回 HTTP ${status}${body.trim() === '' ? '' : `：${body.trim()}`}`) };
}

/**
 * A 企业微信 or 钉钉 robot's answer: both say HTTP 200 even when they refuse, with `{errcode, errmsg}`
 * in the body; only errcode 0 is delivered. A refusal in the body is retried (rate limits are among them).
 */
export function robotOutcome(label: string, status: number, body: string): DeliveryOutcome {
  const http = httpOutcome(label, status, body);
  if (!http.ok) return http;
  let errcode: unknown;
  let errmsg: unknown;
  try {
    ({ errcode, errmsg } = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown });
  } catch {
    return { ok: false, permanent: false, reason: clip(`${label}的应答无法识别：${body}`) };
  }
  if (errcode === 0) return { ok: true };
  return { ok: false, permanent: false, reason: clip(`${label}返回错误 errcode ${String(errcode)}：${String(errmsg ?? '')}`) };
}

/** A failure to reach the endpoint at all (refused, reset, timed out): tried again. */
export function unreachableOutcome(label: string, error: unknown): DeliveryOutcome {
  const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return { ok: false, permanent: false, reason: clip(`${label}无法连接：${detail}`) };
}

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}
