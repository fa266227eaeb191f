import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isErrorCode } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Hostile input over every write route of the gateway (issue #11). The routes come from the served
 * OpenAPI document, so a new route is covered without touching this file. Every request is made by
 * a role that may use the route (so nothing is refused for want of a role before the input is
 * judged), and each must be a 4xx with a stable code — never a 5xx — and leave nothing changed.
 *
 * Cases per route (fast-check, fixed seed, bounded): strings holding controls, lone surrogates,
 * bidi controls and noncharacters in each text field of the request body and in each path
 * parameter; JSON nested beyond the depth limit; numbers far outside any range in each numeric
 * field; a browser form post (415).
 */

interface Operation {
  method: 'post' | 'patch' | 'put' | 'delete';
  path: string;
  schema: Schema | null;
}

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
}

/** Characters no text field may hold (a title on the portal could be spoofed, or PostgreSQL fails). */
const FORBIDDEN = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\ufeff', '\u2028', '\u2029',
  '\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c',
  '\ud800', '\udfff', '\ufffe', '\uffff', '\ufdd0',
];

const hostileString = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...FORBIDDEN), fc.string({ maxLength: 6 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);
/** In a URL: a lone surrogate has no UTF-8 form (a client's bytes for one decode to U+FFFD), so none. */
const hostileUrlString = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...FORBIDDEN.filter((char) => !/[\uD800-\uDFFF]/.test(char))), fc.string({ maxLength: 6 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);
const hugeNumber = fc.constantFrom(1e12, -1e12, 1e308, -1e308, 2 ** 53 + 2, 99_999_999_999);

const SAMPLES_PER_FIELD = 2;
const SEED = 20261106;

/** Who may use a route: the request must reach the input policy, not stop at a role check. */
function roleFor(path: string): Role {
  if (/\/(identity-audit|audit)(\/|$)/.test(path)) return 'auditor';
  if (/\/(users|departments|agencies|dictionary)(\/|$)/.test(path)) return 'admin';
  // The fixture is a draft: the secrecy officer and the publisher may not read it yet, so their routes
  // answer 404 before the body is looked at (authorization first). The principal reads every
  // document of the agency, so the body's refusal is what shows.
  if (/^\/api\/v1\/documents\/\{id\}\/(secrecy|schedule|retract|publication|correction)(\/|$)/.test(path)) return 'principal';
  if (/\/(approve|return|delegations)(\/|$)/.test(path)) return 'dept_head';
  return 'drafter';
}

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  if (schema === undefined) return {};
  if (schema.$ref !== undefined) return resolve(components[schema.$ref.split('/').pop()!], components);
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map((part) => resolve(part, components));
    return { type: 'object', properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) };
  }
  return schema;
}

/** A body of the schema's shape with harmless values: the hostile value goes into one place of it. */
function baseline(schema: Schema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    body[name] = property.type === 'string' ? 'x' : property.type === 'integer' || property.type === 'number' ? 1 : property.type === 'boolean' ? false : property.type === 'array' ? [] : {};
  }
  return body;
}

/** One place a hostile value can go in a body of the schema's shape. */
interface Target {
  label: string;
  body: (value: unknown) => unknown;
}

/**
 * Where a string can go: each string field, an element of each array, a member (and a member's
 * key) of each free object — and the whole body when the body is text (the CSV import).
 */
function textTargets(schema: Schema): Target[] {
  if (schema.type === 'string') return [{ label: '(body)', body: (value) => value }];
  const base = baseline(schema);
  const targets: Target[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.type === 'string') targets.push({ label: name, body: (value) => ({ ...base, [name]: value }) });
    else if (property.type === 'array') targets.push({ label: `${name}[0]`, body: (value) => ({ ...base, [name]: [value] }) });
    else if (property.type === 'object' || property.type === undefined) {
      targets.push({ label: `${name}.title`, body: (value) => ({ ...base, [name]: { title: value } }) });
      targets.push({ label: `${name} key`, body: (value) => ({ ...base, [name]: { [`k${String(value)}`]: 'x' } }) });
    }
  }
  return targets;
}

function numberTargets(schema: Schema): Target[] {
  const base = baseline(schema);
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.type === 'integer' || property.type === 'number')
    .map(([name]) => ({ label: name, body: (value: unknown) => ({ ...base, [name]: value }) }));
}

describe('hostile input over every write route (issue #11)', () => {
  let system: RunningSystem;
  const sessions = new Map<Role, Session>();
  let operations: Operation[] = [];
  /** The read routes and the query parameters each declares. */
  let reads: { path: string; query: string[] }[] = [];
  let draftId = '';
  let targetUserId = '';
  const tag = randomBytes(3).toString('hex');
  const failures: string[] = [];
  let requests = 0;

  const gateway = () => request(system.gatewayUrl);
  const session = (role: Role): Session => sessions.get(role)!;

  function concrete(path: string, hostileParam?: string): string {
    let first = true;
    return path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const isFirst = first;
      first = false;
      if (hostileParam !== undefined && isFirst) return encodeURIComponent(hostileParam);
      if (name === 'id' && path.startsWith('/api/v1/documents/')) return draftId;
      if (name === 'id' && path.startsWith('/api/v1/users/')) return targetUserId;
      return randomUUID();
    });
  }

  async function send(operation: Operation, url: string, body: string | undefined, contentType = 'application/json'): Promise<Response> {
    requests += 1;
    const role = roleFor(operation.path);
    let call = gateway()[operation.method](url).set('Authorization', `Bearer ${session(role).token}`);
    if (body !== undefined) call = call.set('Content-Type', contentType).send(body);
    return call;
  }

  /**
   * A refusal with a stable code (and the exact status and code, when given); never a 5xx.
   * `mayAnswer`: a read that may ignore what it does not use (an unknown query parameter) and answer.
   */
  function judge(what: string, response: Response, expected?: { status: number; code: string } | 'mayAnswer'): void {
    const code = (response.body as { code?: unknown } | undefined)?.code;
    if (response.status >= 500) failures.push(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
    else if (response.status < 400 && expected === 'mayAnswer') return;
    else if (response.status < 400) failures.push(`${what} → ${response.status} (accepted)`);
    else if (!isErrorCode(code)) failures.push(`${what} → ${response.status} without a stable code: ${response.text.slice(0, 200)}`);
    else if (typeof expected === 'object' && (response.status !== expected.status || code !== expected.code)) {
      failures.push(`${what} → ${response.status} ${String(code)}, expected ${expected.status} ${expected.code}`);
    }
  }

  /** What the hostile requests must not have changed: the fixtures and every list they could grow. */
  async function snapshot(): Promise<unknown> {
    const strip = (response: Response) => ({ status: response.status, body: response.body as unknown });
    return {
      draft: strip(await session('drafter').get(`/api/v1/documents/${draftId}`)),
      versions: strip(await session('drafter').get(`/api/v1/documents/${draftId}/versions`)),
      documents: strip(await session('drafter').get('/api/v1/documents?limit=100')),
      target: strip(await session('admin').get(`/api/v1/users/${targetUserId}`)),
      users: strip(await session('admin').get('/api/v1/users?limit=200')),
      departments: strip(await session('admin').get('/api/v1/departments')),
      dictionary: strip(await session('admin').get('/api/v1/dictionary/versions?limit=5')),
      delegations: strip(await session('dept_head').get('/api/v1/delegations')),
    };
  }

  let before: unknown;

  beforeAll(async () => {
    system = await startSystem();
    for (const role of ['drafter', 'dept_head', 'principal', 'secrecy_officer', 'publisher', 'admin', 'auditor'] as const) {
      sessions.set(role, await signIn(system, `gx_${role}`));
    }
    const created = await session('drafter').post('/api/v1/documents', { kind: 'article', title: `敌意输入测试 ${tag}`, column: 'gzdt', body: '<p>正文。</p>' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    draftId = created.body.id as string;
    const target = await session('admin').post('/api/v1/users', { username: `hostile_${tag}`, displayName: '敌意输入对象', password: 'Hostile-Pass-2026!', roles: ['publisher'] });
    expect(target.status, JSON.stringify(target.body)).toBe(201);
    targetUserId = target.body.id as string;

    const docs = (await gateway().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { name: string; in: string }[] }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const components = docs.components?.schemas ?? {};
    operations = Object.entries(docs.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['post', 'patch', 'put', 'delete'].includes(method) && path.startsWith('/api/v1/'))
        .map(([method, operation]) => {
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          return { method: method as Operation['method'], path, schema: schema === undefined ? null : resolve(schema, components) };
        }),
    );
    reads = Object.entries(docs.paths)
      .filter(([path, methods]) => path.startsWith('/api/v1/') && methods.get !== undefined)
      .map(([path, methods]) => ({ path, query: (methods.get!.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name) }));
    before = await snapshot();
  });

  afterAll(async () => {
    await system?.stop();
  });

  // Each test judges its own requests.
  beforeEach(() => {
    failures.length = 0;
  });

  it('finds the write routes in the served OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(35);
    expect(operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/documents', 'PATCH /api/v1/documents/{id}', 'POST /api/v1/auth/login', 'POST /api/v1/users/import']),
    );
  });

  it('refuses forbidden characters in every text field and path parameter with 422 REQUEST.TEXT_INVALID', async () => {
    const expected = { status: 422, code: 'REQUEST.TEXT_INVALID' };
    for (const operation of operations) {
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      const samples = fc.sample(hostileString, { numRuns: SAMPLES_PER_FIELD, seed: SEED });
      if (operation.path.includes('{')) {
        for (const sample of fc.sample(hostileUrlString, { numRuns: SAMPLES_PER_FIELD, seed: SEED })) {
          // A route without a body answers 422 too: the path parameter is judged before anything runs.
          const body = operation.schema === null ? undefined : JSON.stringify(baseline(operation.schema));
          judge(`${name} param ${JSON.stringify(sample)}`, await send(operation, concrete(operation.path, sample), body), expected);
        }
      }
      // A route without a request body ignores any body; only one with a body can be fed strings.
      if (operation.schema === null) continue;
      for (const target of textTargets(operation.schema)) {
        for (const sample of samples) {
          const response = await send(operation, concrete(operation.path), JSON.stringify(target.body(sample)));
          judge(`${name} ${target.label}=${JSON.stringify(sample)}`, response, expected);
          if (response.status === 422 && typeof (response.body.details as { field?: unknown } | undefined)?.field !== 'string') {
            failures.push(`${name} ${target.label}: the 422 names no field`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses numbers far outside any range in every numeric field with a 4xx', async () => {
    for (const operation of operations) {
      if (operation.schema === null) continue;
      for (const target of numberTargets(operation.schema)) {
        for (const value of fc.sample(hugeNumber, { numRuns: 2, seed: SEED })) {
          const body = JSON.stringify(target.body(value));
          judge(`${operation.method.toUpperCase()} ${operation.path} ${target.label}=${value}`, await send(operation, concrete(operation.path), body));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses JSON nested beyond 64 levels with 400 REQUEST.JSON_TOO_DEEP, 10,000 deep included', async () => {
    const depths = fc.sample(fc.integer({ min: 65, max: 10_000 }), { numRuns: operations.length, seed: SEED });
    for (const [index, operation] of operations.entries()) {
      const depth = index === 0 ? 10_000 : depths[index]!;
      const body = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      judge(`${operation.method.toUpperCase()} ${operation.path} depth ${depth}`, await send(operation, concrete(operation.path), body), { status: 400, code: 'REQUEST.JSON_TOO_DEEP' });
    }
    expect(failures).toEqual([]);
  });

  it('answers a browser form post to every write route with 415', async () => {
    for (const operation of operations) {
      const name = `${operation.method.toUpperCase()} ${operation.path}`;
      judge(`${name} form`, await send(operation, concrete(operation.path), 'title=x', 'application/x-www-form-urlencoded'), { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
      judge(`${name} text/plain`, await send(operation, concrete(operation.path), '{"title":"x"}', 'text/plain'), { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(failures).toEqual([]);
  });

  it('refuses forbidden characters in every query and path parameter of every read route with 422', async () => {
    const expected = { status: 422, code: 'REQUEST.TEXT_INVALID' };
    const [sample] = fc.sample(hostileUrlString, { numRuns: 1, seed: SEED + 1 });
    expect(reads.length).toBeGreaterThan(20);
    for (const read of reads) {
      const token = session(roleFor(read.path)).token;
      const get = async (url: string) => {
        requests += 1;
        return gateway().get(url).set('Authorization', `Bearer ${token}`);
      };
      if (read.path.includes('{')) judge(`GET ${read.path} param`, await get(concrete(read.path, sample)), expected);
      for (const name of read.query) {
        judge(`GET ${read.path}?${name}`, await get(`${concrete(read.path)}?${name}=${encodeURIComponent(sample!)}`), expected);
      }
    }
    expect(failures).toEqual([]);
  });

  it('changed nothing, in a bounded number of requests', async () => {
    expect(await snapshot()).toEqual(before);
    console.info(`hostile-input: ${requests} hostile requests over ${operations.length} write routes`);
    expect(requests).toBeGreaterThan(100);
    expect(requests).toBeLessThan(1500);
  });

  it('stores no forbidden character from an uploaded file: the import drops them', async () => {
    const text = '海东市工业和信息化局2031年政府信息公开\u0000工作年度报告\n一、总体情况\n2031年，我局\u202e认真贯彻\u0007落实《条例》。\ufeff\n';
    const upload = await gateway()
      .post('/api/v1/documents/import')
      .set('Authorization', `Bearer ${session('drafter').token}`)
      .attach('file', Buffer.from(text, 'utf8'), { filename: 'report.txt', contentType: 'text/plain' });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const stored = await session('drafter').get(`/api/v1/documents/${upload.body.id as string}`);
    expect(stored.status).toBe(200);
    const json = JSON.stringify(stored.body);
    expect(json).toContain('认真贯彻落实');
    for (const bad of ['\\u0000', '\u202e', '\\u0007', '\ufeff']) expect(json).not.toContain(bad);
  });

  it('refuses out-of-range integers in paths and queries with a 4xx, never reaching PostgreSQL', async () => {
    const drafter = session('drafter');
    for (const path of [
      `/api/v1/documents/${draftId}/versions/99999999999`,
      `/api/v1/documents/${draftId}/versions/2147483648`,
      `/api/v1/documents/${draftId}/diff?from=99999999999&to=1`,
      `/api/v1/documents/${draftId}/rendering?version=99999999999`,
      `/api/v1/documents/${draftId}/approval-sheet?version=99999999999`,
      '/api/v1/documents?year=99999999999',
      '/api/v1/documents?limit=1e12',
      '/api/v1/documents?cursor=%00',
      '/api/v1/annual-reports/aggregate?year=1e12',
      '/api/v1/reviews/inbox?limit=99999999999',
    ]) {
      judge(`GET ${path}`, await drafter.get(path), path.includes('/inbox') ? 'mayAnswer' : undefined);
    }
    const admin = session('admin');
    for (const path of ['/api/v1/users?limit=99999999999', '/api/v1/identity-audit?limit=1e12', '/api/v1/dictionary/entries?q=%E2%80%AE']) {
      judge(`GET ${path}`, await admin.get(path));
    }
    expect(failures).toEqual([]);
  });

  it('refuses a count of 1e12 in an annual report cell with 422, leaving the cell as it was', async () => {
    const drafter = session('drafter');
    let report: Response | undefined;
    for (const year of [2030, 2029, 2028, 2027, 2026, 2025]) {
      report = await drafter.post('/api/v1/documents', { kind: 'annual_report', year });
      if (report.status === 201) break;
    }
    expect(report?.status, JSON.stringify(report?.body)).toBe(201);
    const id = report!.body.id as string;
    const version = report!.body.version as number;
    const pointer = '/applications/newReceived/naturalPerson';
    for (const content of [{ cells: { [pointer]: 1e12 } }, { tables: { applications: { newReceived: { naturalPerson: 1e12 } } } }]) {
      const response = await drafter.patch(`/api/v1/documents/${id}`, { version, content });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body).toMatchObject({ code: 'REQUEST.NUMBER_OUT_OF_RANGE', details: { field: pointer } });
    }
    const after = await drafter.get(`/api/v1/documents/${id}`);
    expect(after.body.version).toBe(version);
    expect(after.body.content.tables.applications.newReceived.naturalPerson).toBeNull();
  });

  it('checks every cell of a CSV user import as one line of text, importing nobody', async () => {
    const csv = `username,display_name,roles\nhostile_csv_${tag},"张\n三",publisher\nhostile_csv2_${tag},\u202e李四,publisher\n`;
    const response = await gateway().post('/api/v1/users/import').set('Authorization', `Bearer ${session('admin').token}`).set('Content-Type', 'text/csv').send(csv);
    // RLO is refused at the edge for the whole text; without it, the quoted line break is refused per cell.
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'REQUEST.TEXT_INVALID', details: { violation: 'bidi_control' } });
    const quoted = await gateway()
      .post('/api/v1/users/import')
      .set('Authorization', `Bearer ${session('admin').token}`)
      .set('Content-Type', 'text/csv')
      .send(`username,display_name,roles\nhostile_csv_${tag},"张\n三",publisher\n`);
    expect(quoted.status, JSON.stringify(quoted.body)).toBe(422);
    expect(quoted.body.code).toBe('IDENTITY.IMPORT_INVALID');
    expect(quoted.body.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'REQUEST.TEXT_INVALID', field: 'display_name' })]));
    expect((await session('admin').get('/api/v1/users?limit=200')).body.items.some((user: { username: string }) => user.username.startsWith('hostile_csv'))).toBe(false);
  });

  it('answers hostile addresses on the public portal with its 404 page, never a 5xx', async () => {
    for (const path of ['/agencies/%00', '/items/%00', '/reports/%00/2025', '/items/%E2%80%AE', `/agencies/${'a'.repeat(5000)}`, '/reports/x/99999999999']) {
      const response = await request(system.portalUrl).get(path);
      expect(response.status, path).toBe(404);
    }
  });

  it('answers a sign-in with NUL or a lone surrogate in the user name with 422, not a failed lockout check', async () => {
    for (const username of ['gx_drafter\u0000', '\ud800', 'gx_\u202edrafter']) {
      const response = await gateway().post('/api/v1/auth/login').send(JSON.stringify({ username, password: 'x' })).set('Content-Type', 'application/json');
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body).toMatchObject({ code: 'REQUEST.TEXT_INVALID', details: { field: 'username' } });
    }
  });
});
