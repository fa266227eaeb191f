/** An API error as the gateway sends it: `{code, message, details?, correlationId}`, message in Chinese. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

const CSRF_COOKIE = 'sanshen_csrf';
const SAFE = new Set(['GET', 'HEAD']);

/** The CSRF token the gateway left in a readable cookie (the session itself is HttpOnly). */
function csrfToken(): string | undefined {
  const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${CSRF_COOKIE}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1));
}

let onExpired: () => void = () => undefined;
/** What to do when the session ended and cannot be refreshed (the app goes to sign-in, keeping the page). */
export function onSessionExpired(handler: () => void): void {
  onExpired = handler;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (!SAFE.has(method) && token !== undefined) headers['X-CSRF-Token'] = token;
  const payload = body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body);
  try {
    return await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK.UNREACHABLE', '无法连接服务器，请检查网络后重试');
  }
}

let refreshing: Promise<boolean> | null = null;
/** One refresh at a time, shared by every request that met a 401. */
function refresh(): Promise<boolean> {
  refreshing ??= send('POST', '/api/v1/auth/refresh', {})
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown; correlationId?: string } | null;
  return new ApiError(response.status, body?.code ?? `HTTP.${response.status}`, body?.message ?? `请求失败（HTTP ${response.status}）`, body?.details, body?.correlationId);
}

const NO_REFRESH = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

/** A request to the gateway with the cookie session: CSRF token on changes, one refresh on 401. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 401 && !NO_REFRESH.includes(path)) {
    if (await refresh()) response = await send(method, path, body);
    if (response.status === 401) {
      onExpired();
      throw await errorOf(response);
    }
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
