/** The far end's answer to a POST. */
export interface PostAnswer {
  status: number;
  body: string;
}

const MAX_BODY = 4096;

/**
 * POSTs a JSON body and reads the answer (at most 4 KiB of it). Redirects are not followed (the
 * allow-list was checked for this URL, not for wherever it points on); network errors and the
 * timeout reject.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, body: text.slice(0, MAX_BODY) };
}
