import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { withDatabase } from './support/database.js';
import { publishArticle, signInCast } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** The operators' views of the queues: the JSON overview and bull-board behind the console sign-in. */
describe('operators: queue overview and the queue board', () => {
  let system: RunningSystem;
  let cast: Cast;
  let admin: Session;
  let publicationId: string;

  const gateway = () => request(system.gatewayUrl);
  /** The sign-in form's CSRF token and the secret cookie it is bound to, as a browser gets them. */
  const consoleForm = async () => {
    const form = await gateway().get('/admin/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const secret = ([] as string[]).concat(form.headers['set-cookie'] ?? []).find((value) => value.startsWith('sanshen_ops_csrf='));
    if (token === undefined || secret === undefined) throw new Error('the sign-in form carries no CSRF token');
    return { token, secret: secret.split(';')[0]!, secretCookie: secret };
  };
  /** Signs in through the console's form; returns the response and the cookie it set, if any. */
  const consoleSignIn = async (username: string, password = system.demoPassword, headers: Record<string, string> = {}) => {
    const { token, secret } = await consoleForm();
    const response = await gateway().post('/admin/login').type('form').set({ Cookie: secret, ...headers }).send({ username, password, _csrf: token });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('sanshen_ops='));
    return { response, cookie, pair: cookie?.split(';')[0], csrf: { token, secret } };
  };

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
    admin = await signIn(system, 'gx_admin');
    const published = await publishArticle(cast, '<p>关于调整办公时间的通知。</p>');
    publicationId = published.publication.publicationId as string;
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows operators the push queue as JSON, to administrators only', async () => {
    const overview = await admin.get('/api/v1/admin/queues/publication-push?state=completed,failed&limit=50');
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    expect(overview.body.queue).toBe('publication-push');
    expect(overview.body.counts.completed).toBeGreaterThanOrEqual(1);
    const job = (overview.body.jobs as { id: string; state: string; publicationId: string }[]).find((candidate) => candidate.publicationId === publicationId);
    expect(job).toMatchObject({ id: publicationId, state: 'completed' });

    expect((await cast.publisher.get('/api/v1/admin/queues/publication-push')).status).toBe(403);
    expect((await cast.auditor.get('/api/v1/admin/queues/publication-push')).status).toBe(403);
    expect((await admin.get('/api/v1/admin/queues/publication-push?state=bogus')).status).toBe(400);
  });

  it('sends a signed-out visitor of the board to the sign-in form and refuses its API', async () => {
    const page = await gateway().get('/admin/queues');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/admin/login');
    const api = await gateway().get('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: '请先登录' });
    // An API access token is no console credential, as a header or as the cookie.
    expect((await gateway().get('/admin/queues/api/queues').set('Authorization', `Bearer ${admin.token}`)).status).toBe(401);
    const asCookie = await gateway().get('/admin/queues/api/queues').set('Cookie', `sanshen_ops=${admin.token}`);
    expect(asCookie.status).toBe(401);
    expect(asCookie.body.code).toBe('AUTH.TOKEN_INVALID');

    const form = await gateway().get('/admin/login');
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect(form.text).toContain('<html lang="zh-CN">');
    expect(form.text).toContain('<form method="post" action="/admin/login">');
    expect(form.headers['cache-control']).toBe('no-store');
  });

  it('refuses wrong passwords, non-administrators and posts from other sites, setting no cookie', async () => {
    const wrong = await consoleSignIn('gx_admin', 'not-the-password');
    expect(wrong.response.status).toBe(401);
    expect(wrong.response.text).toContain('用户名或密码错误');
    expect(wrong.cookie).toBeUndefined();

    const publisher = await consoleSignIn('gx_publisher');
    expect(publisher.response.status).toBe(403);
    expect(publisher.response.text).toContain('运维控制台仅限系统管理员使用');
    expect(publisher.cookie).toBeUndefined();
    // The session the credentials opened was revoked at once.
    const sessions = await withDatabase(system, async (client) => {
      const result = await client.query<{ revoked: boolean }>(
        `SELECT s.revoked_at IS NOT NULL AS revoked FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
          WHERE u.username = 'gx_publisher' ORDER BY s.created_at DESC LIMIT 1`,
      );
      return result.rows;
    });
    expect(sessions).toEqual([{ revoked: true }]);

    const crossSite = await consoleSignIn('gx_admin', system.demoPassword, { Origin: 'https://attacker.example' });
    expect(crossSite.response.status).toBe(403);
    expect(crossSite.cookie).toBeUndefined();

    const { token, secret } = await consoleForm();
    const empty = await gateway().post('/admin/login').type('form').set('Cookie', secret).send({ username: '', _csrf: token });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('请输入用户名和密码');
  });

  it('refuses a sign-in form without its CSRF token, or with another one, setting no cookie (issue #11)', async () => {
    const { token, secret, secretCookie } = await consoleForm();
    expect(secretCookie).toMatch(/; Path=\/admin; HttpOnly; SameSite=Strict/);
    for (const [cookie, body] of [
      [secret, { username: 'gx_admin', password: system.demoPassword }],
      [secret, { username: 'gx_admin', password: system.demoPassword, _csrf: `${token}x` }],
      ['', { username: 'gx_admin', password: system.demoPassword, _csrf: token }],
    ] as const) {
      const forged = await gateway().post('/admin/login').type('form').set('Cookie', cookie).send(body);
      expect(forged.status).toBe(403);
      expect(forged.text).toContain('CSRF');
      expect(([] as string[]).concat(forged.headers['set-cookie'] ?? []).some((value) => value.startsWith('sanshen_ops='))).toBe(false);
    }
  });

  it('answers a user name with NUL or a bidi override as a wrong user name, never a 5xx (issue #11)', async () => {
    for (const username of ['gx_admin\u0000', '\u202egx_admin', '\ud800']) {
      const signedIn = await consoleSignIn(username);
      expect(signedIn.response.status, username).toBe(401);
      expect(signedIn.response.text).toContain('用户名或密码错误');
    }
  });

  it('shows an administrator the board, read-only, until they sign out', async () => {
    const signedIn = await consoleSignIn('gx_admin');
    expect(signedIn.response.status).toBe(303);
    expect(signedIn.response.headers.location).toBe('/admin/queues');
    expect(signedIn.cookie).toMatch(/; Path=\/admin; HttpOnly; SameSite=Strict/);
    const cookie = signedIn.pair!;

    const page = await gateway().get('/admin/queues').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/admin/queues/" />');
    expect(page.text).toContain('三审 · 任务队列');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    expect((await gateway().get(`/admin/queues/${script}`).set('Cookie', cookie)).status).toBe(200);

    const queues = await gateway().get('/admin/queues/api/queues?activeQueue=publication-push&status=completed').set('Cookie', cookie);
    expect(queues.status, JSON.stringify(queues.body)).toBe(200);
    const byName = new Map((queues.body.queues as { name: string; readOnlyMode: boolean; counts: Record<string, number> }[]).map((queue) => [queue.name, queue]));
    expect([...byName.keys()].sort()).toEqual(['notice-channels', 'publication-push', 'review-reminders']);
    expect(byName.get('publication-push')).toMatchObject({ readOnlyMode: true });
    expect(byName.get('publication-push')!.counts.completed).toBeGreaterThanOrEqual(1);
    const job = await gateway().get(`/admin/queues/api/queues/publication-push/${publicationId}`).set('Cookie', cookie);
    expect(job.status).toBe(200);
    expect(job.body.job).toMatchObject({ id: publicationId, data: { publicationId, run: 0 } });

    // Nothing can be changed from the board: the job is still there afterwards.
    for (const [method, path] of [
      ['put', `/admin/queues/api/queues/publication-push/${publicationId}/clean`],
      ['put', '/admin/queues/api/queues/publication-push/clean/completed'],
      ['put', '/admin/queues/api/queues/publication-push/obliterate'],
      ['post', '/admin/queues/api/queues/publication-push/add'],
      ['put', '/admin/queues/api/queues/pause'],
    ] as const) {
      const refused = await gateway()[method](path).set('Cookie', cookie).send({});
      expect(refused.status, path).toBe(403);
      expect(refused.body.code).toBe('OPS.QUEUE_READ_ONLY');
    }
    expect((await gateway().get(`/admin/queues/api/queues/publication-push/${publicationId}`).set('Cookie', cookie)).status).toBe(200);

    // The console cookie is no API credential either.
    expect((await gateway().get('/api/v1/me').set('Authorization', `Bearer ${cookie.split('=')[1]}`)).status).toBe(401);

    // Signing out by form needs the form's token too; a forged post leaves the session alone.
    const forgedOut = await gateway().post('/admin/logout').type('form').set('Cookie', `${cookie}; ${signedIn.csrf.secret}`).send({});
    expect(forgedOut.status).toBe(403);
    expect((await gateway().get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(200);
    const signedOut = await gateway()
      .post('/admin/logout')
      .type('form')
      .set('Cookie', `${cookie}; ${signedIn.csrf.secret}`)
      .send({ _csrf: signedIn.csrf.token });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toBe('/admin/login');
    const stale = await gateway().get('/admin/queues/api/queues').set('Cookie', cookie);
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('AUTH.TOKEN_INVALID');
  });
});
