import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSanshenCli } from './support/cli.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** A fresh installation without demo data: the operator's command line makes the first agency. */
let system: RunningSystem;
let cliEnv: { DATABASE_URL: string; SANSHEN_NAMESPACE: string };

beforeAll(async () => {
  system = await startSystem({ SEED_DEMO: 'false' });
  cliEnv = { DATABASE_URL: system.databaseUrl, SANSHEN_NAMESPACE: system.namespace };
});

afterAll(async () => {
  await system?.stop();
});

const api = () => request(system.gatewayUrl);

async function login(username: string, password: string) {
  return api().post('/api/v1/auth/login').send({ username, password });
}

function bearer(token: string) {
  return { Authorization: `Bearer ${token}` };
}

/** Signs in with a one-time password, changes it, and returns a token that may do more. */
async function takeOver(username: string, oneTimePassword: string, newPassword: string): Promise<string> {
  const first = await login(username, oneTimePassword);
  expect(first.status).toBe(200);
  expect(first.body.passwordChangeRequired).toBe(true);
  const token = first.body.accessToken as string;
  const changed = await api()
    .post('/api/v1/me/password')
    .set(bearer(token))
    .send({ oldPassword: oneTimePassword, newPassword });
  expect(changed.status).toBe(204);
  const again = await login(username, newPassword);
  expect(again.status).toBe(200);
  expect(again.body.passwordChangeRequired).toBe(false);
  return again.body.accessToken as string;
}

describe('first agency without demo data', () => {
  let admin: { username: string; oneTimePassword: string };
  let adminToken: string;

  it('has no demo users', async () => {
    expect((await login('gx_admin', system.demoPassword)).status).toBe(401);
  });

  it('refuses a command line call without its required options (exit 2, usage)', async () => {
    const run = await runSanshenCli(cliEnv, ['agency:create', '--code', 'sw']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--name is required');
    expect(run.stderr).toContain('agency:create');
  });

  it('creates the agency and its first admin, printing a one-time password once', async () => {
    const run = await runSanshenCli(cliEnv, ['agency:create', '--code', 'sw', '--name', '海东市商务局', '--admin-username', 'sw_admin']);
    expect(run.stderr).not.toMatch(/"code"/);
    expect(run.status).toBe(0);
    const created = JSON.parse(run.stdout.trim()) as { agency: { code: string; name: string }; admin: { username: string; oneTimePassword: string } };
    expect(created.agency).toMatchObject({ code: 'sw', name: '海东市商务局' });
    expect(created.admin.username).toBe('sw_admin');
    expect(created.admin.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect(run.stderr).toContain('首次登录后必须修改密码');
    admin = created.admin;
  });

  it('refuses a second agency with the same code (exit 1, stable code)', async () => {
    const run = await runSanshenCli(cliEnv, ['agency:create', '--code', 'sw', '--name', '重复', '--admin-username', 'sw_admin2']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stderr.trim().split('\n')[0] ?? '')).toMatchObject({ code: 'IDENTITY.AGENCY_CODE_TAKEN' });
  });

  it('signs the admin in with the one-time password but allows only the password change', async () => {
    const first = await login(admin.username, admin.oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body.passwordChangeRequired).toBe(true);
    const token = first.body.accessToken as string;
    for (const call of [
      api().get('/api/v1/departments').set(bearer(token)),
      api().post('/api/v1/departments').set(bearer(token)).send({ name: '办公室' }),
      api().get('/api/v1/me').set(bearer(token)),
    ]) {
      const refused = await call;
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    const weak = await api().post('/api/v1/me/password').set(bearer(token)).send({ oldPassword: admin.oneTimePassword, newPassword: 'short' });
    expect(weak.body.code).toBe('IDENTITY.PASSWORD_POLICY');
    expect((await api().get('/api/v1/departments').set(bearer(token))).body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
  });

  it('after the change, the admin creates a department and a user who can sign in', async () => {
    adminToken = await takeOver(admin.username, admin.oneTimePassword, 'Shangwu-Admin-2026!');
    const department = await api().post('/api/v1/departments').set(bearer(adminToken)).send({ name: '办公室' });
    expect(department.status).toBe(201);
    const user = await api()
      .post('/api/v1/users')
      .set(bearer(adminToken))
      .send({ username: 'sw_drafter', displayName: '起草人', departmentId: department.body.id, password: 'Qicao-Ren-2026!x', roles: ['drafter'] });
    expect(user.status).toBe(201);
    const drafter = await login('sw_drafter', 'Qicao-Ren-2026!x');
    expect(drafter.status).toBe(200);
    expect(drafter.body.passwordChangeRequired).toBe(false);
    expect(drafter.body.user.agencyName).toBe('海东市商务局');
  });

  it('lets only a platform administrator create later agencies over the API', async () => {
    const refused = await api()
      .post('/api/v1/agencies')
      .set(bearer(adminToken))
      .send({ code: 'jy', name: '海东市教育局', adminUsername: 'jy_admin', adminDisplayName: '系统管理员' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('IDENTITY.PLATFORM_ADMIN_REQUIRED');

    const run = await runSanshenCli(cliEnv, ['platform-admin:create', '--username', 'platform_root']);
    expect(run.status).toBe(0);
    const platformAdmin = JSON.parse(run.stdout.trim()) as { username: string; oneTimePassword: string };
    const token = await takeOver(platformAdmin.username, platformAdmin.oneTimePassword, 'Pingtai-Root-2026!');
    // Not an agency's admin: the agency routes refuse it.
    expect((await api().get('/api/v1/users').set(bearer(token))).status).toBe(403);
    const created = await api()
      .post('/api/v1/agencies')
      .set(bearer(token))
      .send({ code: 'jy', name: '海东市教育局', adminUsername: 'jy_admin', adminDisplayName: '系统管理员' });
    expect(created.status).toBe(201);
    expect(created.body.agency).toMatchObject({ code: 'jy', name: '海东市教育局' });
    const jyToken = await takeOver('jy_admin', created.body.admin.oneTimePassword as string, 'Jiaoyu-Admin-2026!');
    const departments = await api().get('/api/v1/departments').set(bearer(jyToken));
    expect(departments.status).toBe(200);
    expect(departments.body.items).toEqual([]);
  });
});
