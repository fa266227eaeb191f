import { randomBytes } from 'node:crypto';

/** A signed-in person talking to the gateway over HTTP (fetch, keep-alive). */
export class Person {
  constructor(
    private readonly gatewayUrl: string,
    readonly username: string,
    private readonly token: string,
  ) {}

  static async signIn(gatewayUrl: string, username: string, password: string): Promise<Person> {
    const response = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { accessToken?: string };
    if (response.status !== 200 || typeof body.accessToken !== 'string') {
      throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(body)}`);
    }
    return new Person(gatewayUrl, username, body.accessToken);
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: { ...this.authorization(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  /** A GET whose answer is read as it comes (a server-sent event stream), until `signal` aborts it. */
  open(path: string, signal: AbortSignal): Promise<Response> {
    return fetch(`${this.gatewayUrl}${path}`, { headers: { ...this.authorization(), accept: 'text/event-stream' }, signal });
  }

  private authorization(): { authorization: string } {
    return { authorization: `Bearer ${this.token}` };
  }

  /** The call, which must answer `expected`; else an error naming the step. */
  async expect(step: string, expected: number, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const answer = await this.call(method, path, body);
    if (answer.status !== expected) throw new Error(`${step}: ${answer.status} ${String(answer.body.code ?? '')}`);
    return answer.body;
  }
}

/** The people one document meets on its way to the portal; each cast its own accounts. */
export interface Cast {
  drafter: Person;
  head: Person;
  deputy: Person;
  principal: Person;
  secrecyOfficer: Person;
}

/** Deputies each oversee a quarter of the bench departments; principals and secrecy officers serve the agency. */
const DEPUTIES = 8;
const PRINCIPALS = 2;
const SECRECY_OFFICERS = 4;

/**
 * Adds `count` departments to the demo agency `gx`, each with its drafter and head, and the agency's
 * deputies (each overseeing some of them), principals and secrecy officers, through the admin's API
 * (departments, then the CSV import), then signs everyone in: many reviewers, not one, shaped like an
 * agency at work (who is notified of a step depends on it).
 */
export async function seedCasts(gatewayUrl: string, demoPassword: string, count: number): Promise<Cast[]> {
  const admin = await Person.signIn(gatewayUrl, 'gx_admin', demoPassword);
  const password = `Bench-${randomBytes(6).toString('hex')}-Aa1`;
  const department = (index: number) => `压测科${index}`;
  for (let index = 0; index < count; index += 1) {
    await admin.expect('create department', 201, 'POST', '/api/v1/departments', { name: department(index) });
  }
  const lines = ['username,display_name,department,roles,oversees,password'];
  for (let index = 0; index < count; index += 1) {
    lines.push(`bench_d${index},压测起草人${index},${department(index)},drafter,,${password}`);
    lines.push(`bench_h${index},压测科长${index},${department(index)},dept_head,,${password}`);
  }
  for (let deputy = 0; deputy < DEPUTIES; deputy += 1) {
    const overseen = Array.from({ length: count }, (_, index) => index).filter((index) => index % DEPUTIES === deputy);
    lines.push(`bench_v${deputy},压测分管领导${deputy},,deputy,${overseen.map(department).join(';')},${password}`);
  }
  for (let principal = 0; principal < PRINCIPALS; principal += 1) lines.push(`bench_p${principal},压测主要领导${principal},,principal,,${password}`);
  for (let officer = 0; officer < SECRECY_OFFICERS; officer += 1) lines.push(`bench_s${officer},压测保密员${officer},办公室,secrecy_officer,,${password}`);
  await admin.expect('import bench users', 201, 'POST', '/api/v1/users/import', { csv: `${lines.join('\n')}\n` });
  const signIn = (username: string) => Person.signIn(gatewayUrl, username, password);
  const deputies = await Promise.all(Array.from({ length: DEPUTIES }, (_, index) => signIn(`bench_v${index}`)));
  const principals = await Promise.all(Array.from({ length: PRINCIPALS }, (_, index) => signIn(`bench_p${index}`)));
  const officers = await Promise.all(Array.from({ length: SECRECY_OFFICERS }, (_, index) => signIn(`bench_s${index}`)));
  const casts: Cast[] = [];
  for (let index = 0; index < count; index += 1) {
    const [drafter, head] = await Promise.all([signIn(`bench_d${index}`), signIn(`bench_h${index}`)]);
    casts.push({
      drafter: drafter!,
      head: head!,
      deputy: deputies[index % DEPUTIES]!,
      principal: principals[index % PRINCIPALS]!,
      secrecyOfficer: officers[index % SECRECY_OFFICERS]!,
    });
  }
  return casts;
}

const BODY = '<p>现将有关事项通知如下：请各科室按时报送政务公开工作材料。</p>';

/** A new article by the cast's drafter; returns its id. */
export async function createArticle(cast: Cast, serial: number): Promise<string> {
  const created = await cast.drafter.expect('create', 201, 'POST', '/api/v1/documents', {
    kind: 'article',
    title: `关于政务公开工作的通知（压测 ${serial}）`,
    column: 'tzgg', // 通知公告 (a managed column's code)
    body: BODY,
  });
  return created.id as string;
}

export const SECRECY_DECISION = {
  version: 1,
  conclusion: 'public',
  basis: '《中华人民共和国保守国家秘密法》第三十五条',
  opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
};
