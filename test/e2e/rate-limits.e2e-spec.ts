import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

const API_LIMIT = 12;
const SIGN_IN_LIMIT = 5;

/** The gateway's rate limits: per user across the API, per client address for sign-in, shared by all replicas through Redis. */
describe('rate limits', () => {
  let system: RunningSystem;
  let drafter: Session;
  let deptHead: Session;
  const gateway = () => request(system.gatewayUrl);

  beforeAll(async () => {
    system = await startSystem({
      RATE_LIMIT_PER_MINUTE: String(API_LIMIT),
      SIGN_IN_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
      // The tests' client is on loopback: trusting no proxy makes X-Forwarded-For a plain header.
      TRUST_PROXY: 'false',
    });
    // Two of the address's five sign-ins this minute.
    drafter = await signIn(system, 'gx_drafter');
    deptHead = await signIn(system, 'gx_dept_head');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('counts each signed-in user on their own across routes, refuses the excess with 429, and leaves probes alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < API_LIMIT; i += 1) {
      const path = i % 2 === 0 ? '/api/v1/me' : '/api/v1/notifications';
      statuses.push((await drafter.get(path)).status);
    }
    expect(statuses).toEqual(Array.from({ length: API_LIMIT }, () => 200));

    const refused = await drafter.get('/api/v1/documents');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    // A colleague at the same address has a budget of their own.
    expect((await deptHead.get('/api/v1/me')).status).toBe(200);
    for (let i = 0; i < API_LIMIT + 3; i += 1) expect((await gateway().get('/health')).status).toBe(200);
  });

  it('limits sign-in per address across usernames, the API and the console alike, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (const username of ['nobody_1', 'nobody_2', 'nobody_3']) {
      statuses.push((await gateway().post('/api/v1/auth/login').send({ username, password: 'Wrong-password-1' })).status);
    }
    // Five attempts this minute (two sign-ins, three failures): the sixth is refused, right password or not.
    const refused = await gateway()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ username: 'gx_drafter', password: system.demoPassword });
    statuses.push(refused.status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(refused.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
    expect(refused.body.accessToken).toBeUndefined();
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // The console's form as a browser sends it: with the form's CSRF token and its secret cookie.
    const form = await gateway().get('/admin/login');
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const secret = ([] as string[]).concat(form.headers['set-cookie'] ?? []).find((value) => value.startsWith('sanshen_ops_csrf='))?.split(';')[0] ?? '';
    const consoleForm = await gateway()
      .post('/admin/login')
      .type('form')
      .set('Cookie', secret)
      .send({ username: 'gx_admin', password: system.demoPassword, _csrf: csrfToken });
    expect(consoleForm.status).toBe(429);
    expect(consoleForm.headers['set-cookie']).toBeUndefined();
    expect(consoleForm.text).toContain('请求过于频繁');
    expect(Number(consoleForm.headers['retry-after'])).toBeGreaterThan(0);

    // Not a lockout of the account: a signed-in user carries on.
    expect((await deptHead.get('/api/v1/me')).status).toBe(200);
  });
});
