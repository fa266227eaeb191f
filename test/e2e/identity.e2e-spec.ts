import { randomBytes, randomUUID } from 'node:crypto';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import request from 'supertest';
import type { Response } from 'supertest';
import { firstValueFrom, timeout } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFTING_RPC, rpcSubject } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { loadBaseConfig } from '@sanshen/platform/core';
import { ServiceClient } from '@sanshen/platform/rpc';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Issue #4, organisation and sign-in: the admin API of one's own agency, CSV import, the password
 * policy, lockout after failed sign-ins, refresh-token rotation, 三员分立, the identity audit trail,
 * and signed actors on internal requests. Users made here have unique names: the demo users, which
 * other e2e files share, are never locked, renamed or re-passworded.
 */
describe('organisation and sign-in', () => {
  let system: RunningSystem;
  let admin: Session;
  let otherAdmin: Session;
  let auditor: Session;
  const tag = randomBytes(3).toString('hex');
  const PASSWORD = 'Haidong-Gx-2026!';

  const login = (username: string, password: string): Promise<Response> =>
    request(system.gatewayUrl).post('/api/v1/auth/login').send({ username, password });
  const as = (token: string) => ({
    get: (path: string) => request(system.gatewayUrl).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(system.gatewayUrl).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** A fresh user of 工信局 made by its admin, with the given roles, in the first department. */
  async function makeUser(name: string, roles: string[], extra: object = {}): Promise<{ id: string; username: string }> {
    const departments = await admin.get('/api/v1/departments');
    const username = `${name}_${tag}`;
    const created = await admin.post('/api/v1/users', {
      username,
      displayName: `测试${name}`,
      departmentId: departments.body.items[0].id,
      password: PASSWORD,
      roles,
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, username };
  }

  beforeAll(async () => {
    system = await startSystem();
    [admin, otherAdmin, auditor] = await Promise.all(['gx_admin', 'zw_admin', 'gx_auditor'].map((username) => signIn(system, username)));
  });

  afterAll(async () => {
    await system?.stop();
  });

  describe('admin API (own agency)', () => {
    it('lists only the admin’s own agency and refuses creating agencies (a platform administrator’s)', async () => {
      const agencies = await admin.get('/api/v1/agencies');
      expect(agencies.status).toBe(200);
      expect(agencies.body.items.map((agency: { code: string }) => agency.code)).toEqual(['gx']);
      const created = await admin.post('/api/v1/agencies', { code: 'xx', name: '海东市测试局', adminUsername: 'xx_admin', adminDisplayName: '系统管理员' });
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('IDENTITY.PLATFORM_ADMIN_REQUIRED');
    });

    it('creates departments, unique by name within the agency', async () => {
      const name = `政策法规科${tag}`;
      const created = await admin.post('/api/v1/departments', { name });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name, agencyId: expect.any(String), id: expect.any(String) });
      const again = await admin.post('/api/v1/departments', { name });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('IDENTITY.DEPARTMENT_EXISTS');
      const list = await admin.get('/api/v1/departments');
      expect(list.body.items.map((department: { name: string }) => department.name)).toContain(name);
      const elsewhere = await otherAdmin.get('/api/v1/departments');
      expect(elsewhere.body.items.map((department: { name: string }) => department.name)).not.toContain(name);
    });

    it('enforces the password policy on create', async () => {
      const departments = await admin.get('/api/v1/departments');
      const base = { displayName: '测试', departmentId: departments.body.items[0].id, roles: ['drafter'] };
      for (const [username, password, problem] of [
        [`short_${tag}`, 'Ab1-short', 'too_short'],
        [`classes_${tag}`, 'onlylowercaseletters', 'too_few_classes'],
        [`name_${tag}`, `X1-name_${tag}-long`, 'contains_username'],
      ] as const) {
        const response = await admin.post('/api/v1/users', { ...base, username, password });
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('IDENTITY.PASSWORD_POLICY');
        expect(response.body.details.problems).toContain(problem);
      }
    });

    it('creates a user who can sign in, visible to their admin only', async () => {
      const user = await makeUser('drafter', ['drafter']);
      const signedIn = await login(user.username, PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.roles).toEqual(['drafter']);
      const seen = await admin.get(`/api/v1/users/${user.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ username: user.username, roles: ['drafter'], active: true, locked: false });
      expect(seen.body.passwordHash).toBeUndefined();
      expect((await otherAdmin.get(`/api/v1/users/${user.id}`)).status).toBe(404);
      const list = await admin.get('/api/v1/users?limit=200');
      expect(list.body.items.map((item: { username: string }) => item.username)).toContain(user.username);
      const duplicate = await admin.post('/api/v1/users', { username: user.username, displayName: 'x', password: PASSWORD });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('IDENTITY.USERNAME_TAKEN');
    });

    it('grants and revokes roles, never one’s own, and keeps 三员分立', async () => {
      const user = await makeUser('multi', ['drafter']);
      const granted = await admin.post(`/api/v1/users/${user.id}/roles`, { action: 'grant', role: 'publisher' });
      expect(granted.status).toBe(200);
      expect(granted.body.roles).toEqual(['drafter', 'publisher']);
      for (const role of ['admin', 'auditor']) {
        const conflict = await admin.post(`/api/v1/users/${user.id}/roles`, { action: 'grant', role });
        expect(conflict.status).toBe(422);
        expect(conflict.body.code).toBe('IDENTITY.ROLE_CONFLICT');
      }
      const auditorUser = await makeUser('aud', ['auditor']);
      for (const role of ['admin', 'dept_head', 'deputy', 'principal', 'secrecy_officer']) {
        const conflict = await admin.post(`/api/v1/users/${auditorUser.id}/roles`, { action: 'grant', role });
        expect(conflict.body.code).toBe('IDENTITY.ROLE_CONFLICT');
      }
      const self = await admin.post(`/api/v1/users/${admin.userId}/roles`, { action: 'grant', role: 'auditor' });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('IDENTITY.SELF_ROLE_CHANGE');
      const selfRevoke = await admin.post(`/api/v1/users/${admin.userId}/roles`, { action: 'revoke', role: 'admin' });
      expect(selfRevoke.status).toBe(403);
      const revoked = await admin.post(`/api/v1/users/${user.id}/roles`, { action: 'revoke', role: 'publisher' });
      expect(revoked.body.roles).toEqual(['drafter']);
      const crossAgency = await otherAdmin.post(`/api/v1/users/${user.id}/roles`, { action: 'grant', role: 'publisher' });
      expect(crossAgency.status).toBe(404);
    });

    it('a role change ends the user’s sessions, so it holds at once', async () => {
      const user = await makeUser('revokee', ['drafter', 'publisher']);
      const signedIn = await login(user.username, PASSWORD);
      expect((await as(signedIn.body.accessToken).get('/api/v1/me')).status).toBe(200);
      await admin.post(`/api/v1/users/${user.id}/roles`, { action: 'revoke', role: 'publisher' });
      expect((await as(signedIn.body.accessToken).get('/api/v1/me')).status).toBe(401);
      const again = await login(user.username, PASSWORD);
      expect(again.body.user.roles).toEqual(['drafter']);
    });

    it('sets a deputy’s overseen departments, only for deputies', async () => {
      const departments = (await admin.get('/api/v1/departments')).body.items as { id: string }[];
      const deputy = await makeUser('deputy', ['deputy']);
      const set = await admin.post(`/api/v1/users/${deputy.id}/oversight`, { departmentIds: [departments[0]!.id, departments[1]!.id] });
      expect(set.status).toBe(200);
      expect([...set.body.oversees].sort()).toEqual([departments[0]!.id, departments[1]!.id].sort());
      const signedIn = await login(deputy.username, PASSWORD);
      expect([...signedIn.body.user.oversees].sort()).toEqual([departments[0]!.id, departments[1]!.id].sort());
      const drafter = await makeUser('notdeputy', ['drafter']);
      const refused = await admin.post(`/api/v1/users/${drafter.id}/oversight`, { departmentIds: [departments[0]!.id] });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('IDENTITY.NOT_DEPUTY');
      const foreign = (await otherAdmin.get('/api/v1/departments')).body.items[0].id as string;
      const notOurs = await admin.post(`/api/v1/users/${deputy.id}/oversight`, { departmentIds: [foreign] });
      expect(notOurs.status).toBe(404);
    });

    it('deactivates a user (sessions end, sign-in refused) and reactivates them', async () => {
      const user = await makeUser('leaver', ['drafter']);
      const signedIn = await login(user.username, PASSWORD);
      const deactivated = await admin.post(`/api/v1/users/${user.id}/deactivate`);
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.active).toBe(false);
      expect((await as(signedIn.body.accessToken).get('/api/v1/me')).status).toBe(401);
      expect((await request(system.gatewayUrl).post('/api/v1/auth/refresh').send({ refreshToken: signedIn.body.refreshToken })).status).toBe(401);
      const refused = await login(user.username, PASSWORD);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('AUTH.INVALID_CREDENTIALS');
      expect((await admin.get('/api/v1/users?active=false&limit=200')).body.items.map((u: { id: string }) => u.id)).toContain(user.id);
      expect((await admin.post(`/api/v1/users/${admin.userId}/deactivate`)).body.code).toBe('IDENTITY.SELF_ACTION');
      expect((await admin.post(`/api/v1/users/${user.id}/activate`)).body.active).toBe(true);
      expect((await login(user.username, PASSWORD)).status).toBe(200);
    });

    it('resets a password under the policy; the old password and sessions stop working', async () => {
      const user = await makeUser('forgetful', ['drafter']);
      const signedIn = await login(user.username, PASSWORD);
      const weak = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'weakpassword' });
      expect(weak.status).toBe(422);
      const reset = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'Brand-New-Pass-2026' });
      expect(reset.status).toBe(204);
      expect((await as(signedIn.body.accessToken).get('/api/v1/me')).status).toBe(401);
      expect((await login(user.username, PASSWORD)).status).toBe(401);
      expect((await login(user.username, 'Brand-New-Pass-2026')).status).toBe(200);
    });
  });

  describe('CSV import', () => {
    it('reports every bad line with its number and imports nothing', async () => {
      const csv = [
        'username,display_name,department,roles,password',
        `csv_ok_${tag},甲,办公室,drafter,${PASSWORD}`,
        `csv_weak_${tag},乙,办公室,drafter,weak`,
        `csv_dept_${tag},丙,不存在的科,drafter,`,
        `csv_role_${tag},丁,,admin;auditor,`,
        `csv_ok_${tag},戊,办公室,drafter,`,
        `gx_drafter,己,办公室,kingmaker,`,
      ].join('\r\n');
      const response = await request(system.gatewayUrl)
        .post('/api/v1/users/import')
        .set('Authorization', `Bearer ${admin.token}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('IDENTITY.IMPORT_INVALID');
      const errors = response.body.details.errors as { line: number; code: string }[];
      expect(errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7]);
      expect(errors.find((error) => error.line === 3)?.code).toBe('IDENTITY.PASSWORD_POLICY');
      expect(errors.find((error) => error.line === 4)?.code).toBe('IDENTITY.DEPARTMENT_NOT_FOUND');
      expect(errors.find((error) => error.line === 5)?.code).toBe('IDENTITY.ROLE_CONFLICT');
      expect(errors.find((error) => error.line === 6)?.code).toBe('IDENTITY.USERNAME_TAKEN');
      expect((await login(`csv_ok_${tag}`, PASSWORD)).status).toBe(401);
    });

    it('refuses usernames that already exist, naming the line', async () => {
      const csv = `username,display_name\n"gx_drafter",重名\n`;
      const response = await request(system.gatewayUrl)
        .post('/api/v1/users/import')
        .set('Authorization', `Bearer ${admin.token}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(response.status).toBe(422);
      expect(response.body.details.errors).toEqual([expect.objectContaining({ line: 2, code: 'IDENTITY.USERNAME_TAKEN' })]);
    });

    it('imports a valid file (text/csv or multipart), generating passwords where none is given', async () => {
      const csv = [
        'username,display_name,department,roles,oversees,password',
        `csv_a_${tag},"王, 小明",办公室,drafter,,${PASSWORD}`,
        `csv_b_${tag},李四,,deputy,办公室;产业发展科,`,
      ].join('\n');
      const response = await request(system.gatewayUrl)
        .post('/api/v1/users/import')
        .set('Authorization', `Bearer ${admin.token}`)
        .attach('file', Buffer.from(csv, 'utf8'), { filename: 'users.csv', contentType: 'text/csv' });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.imported).toBe(2);
      const [a, b] = response.body.users as { line: number; username: string; generatedPassword?: string }[];
      expect(a).toMatchObject({ line: 2, username: `csv_a_${tag}` });
      expect(a?.generatedPassword).toBeUndefined();
      expect(b?.generatedPassword).toEqual(expect.any(String));
      const first = await login(`csv_a_${tag}`, PASSWORD);
      expect(first.body.user.displayName).toBe('王, 小明');
      const second = await login(`csv_b_${tag}`, b?.generatedPassword ?? '');
      expect(second.status).toBe(200);
      expect(second.body.user.roles).toEqual(['deputy']);
      expect(second.body.user.oversees).toHaveLength(2);
    });

    it('is admin-only', async () => {
      const drafter = await signIn(system, 'gx_drafter');
      const response = await request(system.gatewayUrl)
        .post('/api/v1/users/import')
        .set('Authorization', `Bearer ${drafter.token}`)
        .set('Content-Type', 'text/csv')
        .send(`username,display_name\nx_${tag},x\n`);
      expect(response.status).toBe(403);
    });
  });

  describe('sign-in lockout', () => {
    it('locks after 5 concurrent failures (counted in the database), shows it to admins, and an admin unlocks', async () => {
      const user = await makeUser('locked', ['drafter']);
      const failures = await Promise.all(Array.from({ length: 5 }, () => login(user.username, 'Wrong-Password-123')));
      expect(failures.map((failure) => failure.status)).toEqual([401, 401, 401, 401, 401]);
      const locked = await login(user.username, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('AUTH.ACCOUNT_LOCKED');
      expect(locked.body.message).toMatch(/锁定/);
      const lockedList = await admin.get('/api/v1/users?locked=true&limit=200');
      expect(lockedList.body.items.map((item: { id: string }) => item.id)).toContain(user.id);
      expect((await admin.get(`/api/v1/users/${user.id}`)).body.locked).toBe(true);
      const unlocked = await admin.post(`/api/v1/users/${user.id}/unlock`);
      expect(unlocked.status).toBe(200);
      expect(unlocked.body.locked).toBe(false);
      expect((await login(user.username, PASSWORD)).status).toBe(200);
    });

    it('four failures do not lock, and a success resets the count', async () => {
      const user = await makeUser('careless', ['drafter']);
      for (let i = 0; i < 4; i += 1) expect((await login(user.username, 'Wrong-Password-123')).status).toBe(401);
      expect((await login(user.username, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i += 1) expect((await login(user.username, 'Wrong-Password-123')).status).toBe(401);
      expect((await login(user.username, PASSWORD)).status).toBe(200);
    });

    it('locks unknown usernames the same way, so lockout does not reveal which names exist', async () => {
      const ghost = `ghost_${tag}`;
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await login(ghost, 'Wrong-Password-123'));
      expect(answers.map((answer) => answer.body.code)).toEqual([
        ...Array<string>(5).fill('AUTH.INVALID_CREDENTIALS'),
        'AUTH.ACCOUNT_LOCKED',
      ]);
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens; a reused one revokes the session', async () => {
      const user = await makeUser('refresher', ['drafter']);
      const first = await login(user.username, PASSWORD);
      const refresh = (token: string) => request(system.gatewayUrl).post('/api/v1/auth/refresh').send({ refreshToken: token });
      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
      expect((await as(second.body.accessToken).get('/api/v1/me')).status).toBe(200);
      const reused = await refresh(first.body.refreshToken);
      expect(reused.status).toBe(401);
      expect((await as(second.body.accessToken).get('/api/v1/me')).status).toBe(401);
      expect((await refresh(second.body.refreshToken)).status).toBe(401);
    });

    it('logout revokes the access and refresh tokens', async () => {
      const user = await makeUser('leaving', ['drafter']);
      const signedIn = await login(user.username, PASSWORD);
      expect((await as(signedIn.body.accessToken).post('/api/v1/auth/logout')).status).toBe(204);
      expect((await as(signedIn.body.accessToken).get('/api/v1/me')).status).toBe(401);
      expect((await request(system.gatewayUrl).post('/api/v1/auth/refresh').send({ refreshToken: signedIn.body.refreshToken })).status).toBe(401);
    });

    it('GET /me shows the delegations the caller gave and holds (from the review service)', async () => {
      const giver = await makeUser('giver', ['dept_head']);
      const holder = await makeUser('holder', ['dept_head']);
      const giverToken = (await login(giver.username, PASSWORD)).body.accessToken as string;
      const holderToken = (await login(holder.username, PASSWORD)).body.accessToken as string;
      expect((await as(giverToken).get('/api/v1/me')).body.delegations).toEqual([]);
      const delegated = await as(giverToken).post('/api/v1/delegations', { toUserId: holder.id, from: '2099-01-01T00:00:00Z', until: '2099-01-02T00:00:00Z' });
      expect(delegated.status, JSON.stringify(delegated.body)).toBe(201);
      const mine = await as(giverToken).get('/api/v1/me');
      expect(mine.body.delegations).toEqual([expect.objectContaining({ id: delegated.body.id, fromUserId: giver.id, toUserId: holder.id })]);
      const theirs = await as(holderToken).get('/api/v1/me');
      expect(theirs.body.delegations).toEqual([expect.objectContaining({ id: delegated.body.id })]);
      await request(system.gatewayUrl).delete(`/api/v1/delegations/${delegated.body.id as string}`).set('Authorization', `Bearer ${giverToken}`);
      expect((await as(auditor.token).get('/api/v1/me')).body.delegations).toEqual([]);
    });

    it('changes one’s own password with the old one, under the policy; other sessions end', async () => {
      const user = await makeUser('changer', ['drafter']);
      const one = await login(user.username, PASSWORD);
      const two = await login(user.username, PASSWORD);
      const me = as(one.body.accessToken);
      const wrongOld = await me.post('/api/v1/me/password', { oldPassword: 'Not-The-Old-1', newPassword: 'Another-Pass-2026' });
      expect(wrongOld.status).toBe(403);
      expect(wrongOld.body.code).toBe('IDENTITY.OLD_PASSWORD_WRONG');
      const weak = await me.post('/api/v1/me/password', { oldPassword: PASSWORD, newPassword: `${user.username}-X1` });
      expect(weak.status).toBe(422);
      expect(weak.body.details.problems).toContain('contains_username');
      const changed = await me.post('/api/v1/me/password', { oldPassword: PASSWORD, newPassword: 'Another-Pass-2026' });
      expect(changed.status).toBe(204);
      expect((await me.get('/api/v1/me')).status).toBe(200);
      expect((await as(two.body.accessToken).get('/api/v1/me')).status).toBe(401);
      expect((await login(user.username, PASSWORD)).status).toBe(401);
      expect((await login(user.username, 'Another-Pass-2026')).status).toBe(200);
    });
  });

  describe('三员分立 and the identity audit trail', () => {
    it('the admin cannot read the audit ledger nor the identity audit trail; the auditor cannot manage anything', async () => {
      expect((await admin.get('/api/v1/audit/verify')).status).toBe(403);
      expect((await admin.get(`/api/v1/documents/${randomUUID()}/audit`)).status).toBe(403);
      expect((await admin.get('/api/v1/identity-audit')).status).toBe(403);
      expect((await auditor.get('/api/v1/users')).status).toBe(403);
      expect((await auditor.post('/api/v1/departments', { name: `审计科${tag}` })).status).toBe(403);
      const target = await makeUser('victim', ['drafter']);
      expect((await auditor.post(`/api/v1/users/${target.id}/roles`, { action: 'grant', role: 'publisher' })).status).toBe(403);
    });

    it('records admin actions with who, what and when, readable by the auditor of the agency', async () => {
      const user = await makeUser('audited', ['drafter']);
      await admin.post(`/api/v1/users/${user.id}/roles`, { action: 'grant', role: 'publisher' });
      const trail = await auditor.get('/api/v1/identity-audit?limit=500');
      expect(trail.status).toBe(200);
      const entries = trail.body.items as { action: string; targetId: string | null; actorUserId: string; at: string }[];
      const about = entries.filter((entry) => entry.targetId === user.id).map((entry) => entry.action);
      expect(about).toEqual(['role.granted', 'user.created']);
      expect(entries.find((entry) => entry.action === 'role.granted' && entry.targetId === user.id)).toMatchObject({
        actorUserId: admin.userId,
        at: expect.any(String),
      });
      const again = await auditor.get('/api/v1/identity-audit?limit=5');
      expect(again.body.items[0].action).toBe('identity_audit.read');
      const otherAgency = await signIn(system, 'zw_auditor');
      const theirs = await otherAgency.get('/api/v1/identity-audit?limit=500');
      expect(theirs.body.items.some((entry: { targetId: string | null }) => entry.targetId === user.id)).toBe(false);
    });
  });

  describe('signed internal requests', () => {
    const forged: Actor = {
      userId: randomUUID(),
      agencyId: randomUUID(),
      agencyName: '伪造',
      departmentId: null,
      roles: ['drafter', 'admin', 'auditor'],
      oversees: [],
      displayName: '伪造者',
    };

    it('a forged actor sent straight over NATS, unsigned or signed with another secret, is refused with ACTOR.INVALID', async () => {
      const namespace = { name: system.namespace };
      const raw = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [process.env.NATS_URL ?? ''] } });
      try {
        const unsigned = await firstValueFrom(
          raw.send(rpcSubject(namespace, DRAFTING_RPC.list), { actor: forged, correlationId: randomUUID(), payload: {} }).pipe(timeout(10_000)),
        ).catch((error: unknown) => error);
        expect(unsigned).toMatchObject({ code: 'ACTOR.INVALID' });
      } finally {
        await raw.close();
      }

      const base = loadBaseConfig({ ...process.env, SANSHEN_NAMESPACE: system.namespace }, 0);
      const wrongKey = new ServiceClient({ ...base, internalTokenSecret: randomBytes(32).toString('hex') });
      const rightKey = new ServiceClient(base);
      try {
        await expect(wrongKey.send(DRAFTING_RPC.list, { actor: forged, correlationId: randomUUID(), payload: {} })).rejects.toMatchObject({
          code: 'ACTOR.INVALID',
        });
        // The control: the same request signed with the installation's secret is answered.
        const drafter = (await login('gx_drafter', system.demoPassword)).body.user as Actor;
        await expect(rightKey.send(DRAFTING_RPC.list, { actor: drafter, correlationId: randomUUID(), payload: {} })).resolves.toHaveProperty('items');
      } finally {
        await wrongKey.onApplicationShutdown();
        await rightKey.onApplicationShutdown();
      }
    });
  });
});
