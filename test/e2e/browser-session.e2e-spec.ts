import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Requests a browser could forge (issue #11): the cookie session of a browser console with its CSRF
 * token, form posts refused, token kinds not interchangeable, and the headers a browser needs.
 */
describe('browser sessions: cookies, CSRF and security headers', () => {
  let system: RunningSystem;
  const gateway = () => request(system.gatewayUrl);

  const setCookies = (response: Response): string[] => ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookieNamed = (response: Response, name: string) => setCookies(response).find((value) => value.startsWith(`${name}=`));
  const pair = (cookie: string | undefined) => cookie?.split(';')[0] ?? '';

  async function cookieSignIn(username = 'gx_drafter') {
    const login = await gateway().post('/api/v1/auth/login').send({ username, password: system.demoPassword, cookie: true });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const session = cookieNamed(login, 'sanshen_session');
    const refresh = cookieNamed(login, 'sanshen_refresh');
    const csrf = cookieNamed(login, 'sanshen_csrf');
    return { login, session, refresh, csrf, cookies: [pair(session), pair(refresh), pair(csrf)].join('; '), token: login.body.csrfToken as string };
  }

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('signs a console in with HttpOnly, SameSite=Strict cookies and gives its script only the CSRF token', async () => {
    const { login, session, refresh, csrf, token } = await cookieSignIn();
    expect(login.body).toMatchObject({ session: 'cookie', expiresIn: expect.any(Number), user: { roles: ['drafter'], displayName: expect.any(String) } });
    expect(login.body.accessToken).toBeUndefined();
    expect(login.body.refreshToken).toBeUndefined();
    expect(session).toMatch(/; Path=\/api; HttpOnly; SameSite=Strict/);
    expect(refresh).toMatch(/; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict/);
    expect(csrf).toMatch(/; Path=\/; SameSite=Strict/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(pair(csrf)).toBe(`sanshen_csrf=${token}`);
    // Plain HTTP here; behind HTTPS (or TRUST_PROXY with X-Forwarded-Proto) the cookies are Secure.
    expect(session).not.toMatch(/Secure/);
  });

  it('reads with the cookie alone, and changes nothing without the CSRF token', async () => {
    const { cookies, token } = await cookieSignIn();
    expect((await gateway().get('/api/v1/me').set('Cookie', cookies)).status).toBe(200);
    const article = { kind: 'article', title: '浏览器会话测试', column: 'gzdt', body: '<p>正文。</p>' };

    for (const headers of [{}, { 'X-CSRF-Token': `${token}x` }, { 'X-CSRF-Token': '' }]) {
      const forged = await gateway().post('/api/v1/documents').set('Cookie', cookies).set(headers).send(article);
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('AUTH.CSRF_INVALID');
    }
    // Another session's token is no good either: tokens are bound to their session.
    const other = await cookieSignIn();
    expect((await gateway().post('/api/v1/documents').set('Cookie', cookies).set('X-CSRF-Token', other.token).send(article)).status).toBe(403);

    const created = await gateway().post('/api/v1/documents').set('Cookie', cookies).set('X-CSRF-Token', token).send(article);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // A form post, the request a foreign page can make, never gets that far.
    const form = await gateway().post('/api/v1/documents').set('Cookie', cookies).type('form').send({ kind: 'article', title: 'x' });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('needs no CSRF token with a Bearer token, which a browser never adds by itself', async () => {
    const drafter = await signIn(system, 'gx_drafter');
    const created = await drafter.post('/api/v1/documents', { kind: 'article', title: '令牌会话测试', column: 'gzdt', body: '<p>正文。</p>' });
    expect(created.status).toBe(201);
  });

  it('refreshes a cookie session with the CSRF token only, rotating the cookies', async () => {
    const { cookies, token } = await cookieSignIn();
    const forged = await gateway().post('/api/v1/auth/refresh').set('Cookie', cookies).send({});
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('AUTH.CSRF_INVALID');
    const refreshed = await gateway().post('/api/v1/auth/refresh').set('Cookie', cookies).set('X-CSRF-Token', token).send({});
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body).toMatchObject({ session: 'cookie', csrfToken: token });
    expect(refreshed.body.refreshToken).toBeUndefined();
    const next = [pair(cookieNamed(refreshed, 'sanshen_session')), pair(cookieNamed(refreshed, 'sanshen_refresh')), pair(cookieNamed(refreshed, 'sanshen_csrf'))].join('; ');
    expect((await gateway().get('/api/v1/me').set('Cookie', next)).status).toBe(200);
    // The spent refresh cookie, presented again, revokes the session (as with tokens in JSON).
    expect((await gateway().post('/api/v1/auth/refresh').set('Cookie', cookies).set('X-CSRF-Token', token).send({})).status).toBe(401);
  });

  it('signs a cookie session out with the CSRF token and clears the cookies', async () => {
    const { cookies, token } = await cookieSignIn();
    expect((await gateway().post('/api/v1/auth/logout').set('Cookie', cookies)).status).toBe(403);
    const out = await gateway().post('/api/v1/auth/logout').set('Cookie', cookies).set('X-CSRF-Token', token);
    expect(out.status).toBe(204);
    expect(cookieNamed(out, 'sanshen_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const stale = await gateway().get('/api/v1/me').set('Cookie', cookies);
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('answers a refresh with an access token, or any wrong kind of token, with 401', async () => {
    const drafter = await signIn(system, 'gx_drafter');
    for (const refreshToken of [drafter.token, 'x', 'x'.repeat(43), 'Bearer abc']) {
      const response = await gateway().post('/api/v1/auth/refresh').send({ refreshToken });
      expect(response.status, refreshToken.slice(0, 20)).toBe(401);
      expect(response.body.code).toBe('AUTH.TOKEN_INVALID');
    }
    // And the other way round: a refresh token is no access token, as a header or as the cookie.
    const login = await gateway().post('/api/v1/auth/login').send({ username: 'gx_drafter', password: system.demoPassword });
    expect((await gateway().get('/api/v1/me').set('Authorization', `Bearer ${login.body.refreshToken}`)).status).toBe(401);
    expect((await gateway().get('/api/v1/me').set('Cookie', `sanshen_session=${login.body.refreshToken}`)).status).toBe(401);
  });

  it('sends the security headers on JSON, on the Swagger UI, and keeps the Swagger UI loading', async () => {
    const me = await (await signIn(system, 'gx_drafter')).get('/api/v1/me');
    for (const response of [me, await gateway().get('/api/docs'), await gateway().get('/health')]) {
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    const ui = await gateway().get('/api/docs');
    expect(ui.status).toBe(200);
    // Every script of the UI is its own file from this origin: the policy (script-src 'self') lets it run.
    expect(ui.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    for (const source of [...ui.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]!)) {
      const url = source.startsWith('/') ? source : `/api/docs/${source.replace(/^\.\//, '')}`;
      expect((await gateway().get(url)).status, url).toBe(200);
    }
    expect((await gateway().get('/api/docs-json')).status).toBe(200);
  });

  it('sends the policy on the HTML rendering of a report', async () => {
    const drafter = await signIn(system, 'gx_drafter');
    let report: Response | undefined;
    for (const year of [2030, 2029, 2028, 2027]) {
      report = await drafter.post('/api/v1/documents', { kind: 'annual_report', year });
      if (report.status === 201) break;
    }
    expect(report?.status).toBe(201);
    const html = await drafter.get(`/api/v1/documents/${report!.body.id as string}/rendering`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    expect(html.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(html.headers['x-content-type-options']).toBe('nosniff');
  });
});
