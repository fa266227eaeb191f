import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The cookie session of a browser console (issue #11). Sign-in with `{cookie: true}` sets:
 * - `sanshen_session`: the access token; HttpOnly, SameSite=Strict, Secure behind HTTPS, path /api;
 * - `sanshen_refresh`: the refresh token; the same, but sent only to /api/v1/auth;
 * - `sanshen_csrf`: the CSRF token, readable by the console's script, which echoes it in
 *   `X-CSRF-Token` on every request that changes anything.
 * Tokens never reach the page's script (nor localStorage). Bearer requests need no CSRF token:
 * a browser never adds an Authorization header by itself.
 */
export const SESSION_COOKIE = 'sanshen_session';
export const REFRESH_COOKIE = 'sanshen_refresh';
export const CSRF_COOKIE = 'sanshen_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const API_PATH = '/api';
const AUTH_PATH = '/api/v1/auth';

/** Methods that change nothing; every other method authenticated by the cookie needs the CSRF token. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CookieSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
  csrfToken: string;
}

function base(request: FastifyRequest, path: string, maxAge: number) {
  return { path, sameSite: 'strict', secure: request.protocol === 'https', maxAge } as const;
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: CookieSession): void {
  void reply
    .setCookie(SESSION_COOKIE, session.accessToken, { ...base(request, API_PATH, session.expiresIn), httpOnly: true })
    .setCookie(REFRESH_COOKIE, session.refreshToken, { ...base(request, AUTH_PATH, session.refreshExpiresIn), httpOnly: true })
    .setCookie(CSRF_COOKIE, session.csrfToken, { ...base(request, '/', session.refreshExpiresIn), httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply
    .clearCookie(SESSION_COOKIE, { path: API_PATH })
    .clearCookie(REFRESH_COOKIE, { path: AUTH_PATH })
    .clearCookie(CSRF_COOKIE, { path: '/' });
}
