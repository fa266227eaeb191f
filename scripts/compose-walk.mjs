// The compose test's walk (scripts/compose-test.sh): one article from draft to the portal through the
// containers, as a new agency's own people — no demo data. The first admin (after the one-time
// password change) creates a department and the people of every step; the drafter writes, the three
// levels approve, the secrecy officer clears, and the portal serves the page.
// Usage: node scripts/compose-walk.mjs <gateway URL> <portal URL> <admin user> <admin one-time password>
/* global fetch, URL, console */
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

const [gateway, portal, adminUser, oneTime] = process.argv.slice(2);
const PASSWORD = 'Compose-Walk-2026!x';

async function call(token, method, path, body) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(username, password) {
  const answer = await call(null, 'POST', '/api/v1/auth/login', { username, password });
  if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

function expectStatus(answer, status, what) {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Retries a step until its answer is accepted (the next owner applies the previous event first). */
async function until(what, step, accept, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await step();
    if (accept(answer)) return answer.body;
    if (Date.now() > deadline) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    await sleep(300);
  }
}

const first = await signIn(adminUser, oneTime);
expectStatus(await call(first, 'POST', '/api/v1/me/password', { oldPassword: oneTime, newPassword: PASSWORD }), 204, 'password change');
const admin = await signIn(adminUser, PASSWORD);
const department = expectStatus(await call(admin, 'POST', '/api/v1/departments', { name: '办公室' }), 201, 'department');
const people = [
  ['ct_drafter', '起草人', ['drafter'], department.id],
  ['ct_head', '科室负责人', ['dept_head'], department.id],
  ['ct_deputy', '分管领导', ['deputy'], null, [department.id]],
  ['ct_principal', '主要领导', ['principal'], null],
  ['ct_secrecy', '保密审查员', ['secrecy_officer'], null],
];
for (const [username, displayName, roles, departmentId, oversees] of people) {
  const body = { username, displayName, roles, departmentId, password: PASSWORD, ...(oversees ? { oversees } : {}) };
  expectStatus(await call(admin, 'POST', '/api/v1/users', body), 201, `user ${username}`);
}
const [drafter, head, deputy, principal, secrecy] = await Promise.all(people.map(([username]) => signIn(username, PASSWORD)));

const title = `组合部署测试通知 ${Date.now()}`;
const created = expectStatus(
  await call(drafter, 'POST', '/api/v1/documents', { kind: 'article', title, column: 'tzgg', body: '<p>本局办公地点自下月起调整，特此通知。</p>' }),
  201,
  'article',
);
const { id, version } = created;
expectStatus(await call(drafter, 'POST', `/api/v1/documents/${id}/submit`, { version }), 200, 'submit');
for (const [who, token] of [['一审', head], ['二审', deputy], ['三审', principal]]) {
  await until(who, () => call(token, 'POST', `/api/v1/documents/${id}/approve`, { version, comment: '同意' }), (answer) => answer.status === 200);
}
await until(
  '保密审查',
  () =>
    call(secrecy, 'POST', `/api/v1/documents/${id}/secrecy/decision`, {
      version,
      conclusion: 'public',
      basis: '《中华人民共和国保守国家秘密法》第三十五条',
      opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
    }),
  (answer) => answer.status === 201,
);
const publication = await until(
  'publication',
  () => call(drafter, 'GET', `/api/v1/documents/${id}/publication`),
  (answer) => answer.status === 200 && answer.body.state === 'published' && Boolean(answer.body.receipt),
);
const receipt = publication.receipt;
const page = await fetch(`${portal}${new URL(receipt.url).pathname}`);
const html = await page.text();
if (page.status !== 200 || !html.includes(title)) throw new Error(`portal page ${receipt.url}: ${page.status}`);
console.log(`published ${id} at ${receipt.url}`);
