import { randomUUID } from 'node:crypto';
import { portalSignature } from '@sanshen/kernel';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { clearSecrecy, signInCast, signOff, waitForPublication } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Issue #12 points 8 and 9 over HTTP with every service running: managed columns (栏目) per agency,
 * articles bound to them, the portal's column pages with pagination and its site search, and the
 * 政府信息公开目录 metadata (索引号 …) on every published item, in the feed and in the sitemap.
 */
describe('managed columns and the 政府信息公开目录', () => {
  let system: RunningSystem;
  let cast: Cast;
  let admin: Session;
  let otherAdmin: Session;
  let agencyId: string;
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

  const put = (session: Session, path: string, body: object) =>
    request(system.gatewayUrl).put(path).set({ Authorization: `Bearer ${session.token}` }).send(body);
  const columns = () => `/api/v1/agencies/${agencyId}/columns`;
  const settings = () => `/api/v1/agencies/${agencyId}/catalogue-settings`;
  const draft = (column: string, extra: object = {}) =>
    cast.drafter.post('/api/v1/documents', { kind: 'article', title: `栏目测试 ${randomUUID().slice(0, 8)}`, column, body: '<p>正文。</p>', ...extra });
  const documentCount = async () => ((await cast.drafter.get('/api/v1/documents?limit=100')).body.items as unknown[]).length;

  async function publish(title: string, column: string, catalogue?: object, body = '<p>现将有关事项通知如下。</p>'): Promise<{ id: string; url: string }> {
    const created = await cast.drafter.post('/api/v1/documents', { kind: 'article', title, column, body, ...(catalogue ? { catalogue } : {}) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await signOff(cast, created.body.id as string, 1);
    await clearSecrecy(cast, created.body.id as string, 1);
    const publication = await waitForPublication(cast.drafter, created.body.id as string, (p) => p.state === 'published', `${title} published`);
    return { id: created.body.id as string, url: publication.receipt!.url };
  }

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
    admin = await signIn(system, 'gx_admin');
    otherAdmin = await signIn(system, 'zw_admin');
    agencyId = (await cast.drafter.get('/api/v1/me')).body.agencyId as string;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('gives every agency the standard columns; its admin creates, renames, reorders and retires them; others get 403 or 404', async () => {
    const listed = await cast.drafter.get(columns());
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect((listed.body.items as { code: string; name: string }[]).map((c) => [c.code, c.name])).toEqual([
      ['gzdt', '工作动态'],
      ['tzgg', '通知公告'],
      ['zcjd', '政策解读'],
      ['rsxx', '人事信息'],
      ['ndbg', '政府信息公开年报'],
    ]);

    // Another agency's administrator: not visible (404); a drafter of this one: not allowed (403).
    const foreign = await otherAdmin.post(columns(), { code: 'zcwj', name: '政策文件' });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'CATALOGUE.AGENCY_NOT_FOUND']);
    expect((await otherAdmin.get(columns())).status).toBe(404);
    const byDrafter = await cast.drafter.post(columns(), { code: 'zcwj', name: '政策文件' });
    expect([byDrafter.status, byDrafter.body.code]).toEqual([403, 'CATALOGUE.ADMIN_ONLY']);

    const created = await admin.post(columns(), { code: 'zcwj', name: '政策文件' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code: 'zcwj', name: '政策文件', position: 5, retired: false });
    const duplicate = await admin.post(columns(), { code: 'zcwj2', name: '政策文件' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'CATALOGUE.COLUMN_EXISTS']);
    const badCode = await admin.post(columns(), { code: 'Zc文件', name: '别的' });
    expect([badCode.status, badCode.body.code]).toEqual([400, 'CATALOGUE.COLUMN_CODE_INVALID']);
    expect(badCode.body.message).toMatch(/栏目代码/);

    const renamed = await admin.patch(`${columns()}/zcjd`, { name: '政策解读与回应' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('政策解读与回应');
    const reserved = await admin.patch(`${columns()}/ndbg`, { retired: true });
    expect([reserved.status, reserved.body.code]).toEqual([400, 'CATALOGUE.COLUMN_RESERVED']);
    expect((await admin.patch(`${columns()}/nope`, { name: 'x' })).status).toBe(404);

    const partial = await put(admin, `${columns()}/order`, { codes: ['tzgg', 'gzdt'] });
    expect([partial.status, partial.body.code]).toEqual([400, 'CATALOGUE.ORDER_INVALID']);
    const order = ['tzgg', 'gzdt', 'zcwj', 'zcjd', 'rsxx', 'ndbg'];
    const reordered = await put(admin, `${columns()}/order`, { codes: order });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect((await cast.drafter.get(columns())).body.items.map((c: { code: string }) => c.code)).toEqual(order);
  });

  it('binds an article to an existing, active column: unknown, reserved or retired ones are refused with nothing stored; a kept retired column stays valid', async () => {
    const before = await documentCount();
    const unknown = await draft('meiyou');
    expect([unknown.status, unknown.body.code]).toEqual([400, 'CATALOGUE.COLUMN_UNAVAILABLE']);
    expect(unknown.body.message).toMatch(/栏目/);
    expect((await draft('ndbg')).body.code).toBe('CATALOGUE.COLUMN_RESERVED');
    const badTopic = await draft('gzdt', { catalogue: { topic: '不存在的分类' } });
    expect([badTopic.status, badTopic.body.code]).toEqual([400, 'CATALOGUE.FIELD_INVALID']);
    const badDate = await draft('gzdt', { catalogue: { writtenOn: '2026-02-30' } });
    expect([badDate.status, badDate.body.code]).toEqual([400, 'CATALOGUE.FIELD_INVALID']);
    const badOpenness = await draft('gzdt', { catalogue: { openness: '不公开' } });
    expect(badOpenness.status).toBe(400);
    expect(await documentCount()).toBe(before);

    const inRetiring = await draft('rsxx');
    expect(inRetiring.status, JSON.stringify(inRetiring.body)).toBe(201);
    expect((await admin.patch(`${columns()}/rsxx`, { retired: true })).body).toMatchObject({ retired: true });
    const afterRetire = await draft('rsxx');
    expect([afterRetire.status, afterRetire.body.code]).toEqual([400, 'CATALOGUE.COLUMN_UNAVAILABLE']);
    // The draft already in the column may be revised and keep it; it may not move into another retired one.
    const kept = await cast.drafter.patch(`/api/v1/documents/${inRetiring.body.id}`, { version: 1, content: { title: '改过的标题' } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.content).toMatchObject({ column: 'rsxx', title: '改过的标题' });
    const moved = await cast.drafter.patch(`/api/v1/documents/${inRetiring.body.id}`, { version: 2, content: { column: 'gzdt' } });
    expect(moved.status).toBe(200);
    const back = await cast.drafter.patch(`/api/v1/documents/${inRetiring.body.id}`, { version: 3, content: { column: 'rsxx' } });
    expect([back.status, back.body.code]).toEqual([400, 'CATALOGUE.COLUMN_UNAVAILABLE']);
    expect((await admin.patch(`${columns()}/rsxx`, { retired: false })).body).toMatchObject({ retired: false });
  });

  it('keeps the catalogue settings valid: a bad pattern is refused and changes nothing', async () => {
    const current = (await cast.drafter.get(settings())).body;
    expect(current).toMatchObject({ indexPattern: '{agency}/{column}-{year}-{serial:5}', openness: ['主动公开', '依申请公开'] });
    expect(current.topics[0]).toBe('综合政务');
    const noSerial = await put(admin, settings(), { agencyCode: '11632100MB0000001X', indexPattern: '{agency}-{year}', topics: ['综合政务'] });
    expect([noSerial.status, noSerial.body.code]).toEqual([400, 'CATALOGUE.SETTINGS_INVALID']);
    expect(noSerial.body.details).toMatchObject({ field: 'indexPattern' });
    const duplicateTopics = await put(admin, settings(), { agencyCode: 'X1', indexPattern: '{year}-{serial}', topics: ['综合政务', '综合政务'] });
    expect(duplicateTopics.status).toBe(400);
    expect((await put(cast.drafter, settings(), { agencyCode: 'X1', indexPattern: '{year}-{serial}', topics: ['a'] })).status).toBe(403);
    expect((await cast.drafter.get(settings())).body).toEqual(current);

    const saved = await put(admin, settings(), { agencyCode: '11632100MB0000001X', indexPattern: '{agency}-{column}-{year}-{serial:4}', topics: ['综合政务', '工业、交通', '科技、教育'] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.example).toBe(`11632100MB0000001X-gzdt-${year}-0001`);
  });

  it('publishes with the 公开目录 entry: one 索引号 per document without gaps under concurrency, kept by a correction; shown on the page, in the feed and the sitemap', async () => {
    const word = `数据要素${randomUUID().slice(0, 4)}`;
    const [first, second, third] = await Promise.all([
      publish(`关于推进${word}市场化配置的通知`, 'gzdt', { writtenOn: '2026-11-30', documentNumber: '东工信〔2026〕12号', topic: '工业、交通', openness: '主动公开' }, `<p>为加快培育${word}市场，现通知如下。</p>`),
      publish(`工作动态 ${randomUUID().slice(0, 6)}`, 'gzdt'),
      publish(`工作动态 ${randomUUID().slice(0, 6)}`, 'gzdt'),
    ]);
    const entries = await Promise.all(
      [first, second, third].map(async (item) => {
        const feed = await request(system.portalUrl).get('/feed.json');
        return (feed.body.items as { _sanshen: { documentId: string; catalogue: Record<string, string | null> } }[]).find((i) => i._sanshen.documentId === item.id)?._sanshen.catalogue;
      }),
    );
    const numbers = entries.map((entry) => entry?.indexNumber).sort();
    expect(numbers).toEqual([1, 2, 3].map((serial) => `11632100MB0000001X-gzdt-${year}-000${serial}`));
    expect(entries[0]).toMatchObject({
      publisher: '海东市工业和信息化局',
      columnCode: 'gzdt',
      columnName: '工作动态',
      writtenOn: '2026-11-30',
      documentNumber: '东工信〔2026〕12号',
      topic: '工业、交通',
      openness: '主动公开',
    });
    // Defaults when the drafter filled nothing: the list's first 主题分类, 主动公开, no 文号.
    expect(entries[1]).toMatchObject({ topic: '综合政务', openness: '主动公开', documentNumber: null });

    const page = await request(system.portalUrl).get(new URL(first.url).pathname);
    expect(page.status).toBe(200);
    for (const cell of ['<caption>信息公开目录</caption>', '<th scope="row">索引号</th>', entries[0]!.indexNumber!, '东工信〔2026〕12号', '2026年11月30日', '工业、交通', '主动公开', '<th scope="row">发布机构</th><td>海东市工业和信息化局</td>']) {
      expect(page.text).toContain(cell);
    }
    const sitemap = await request(system.portalUrl).get('/sitemap.xml');
    expect(sitemap.text).toContain('xmlns:gk="urn:sanshen:catalogue:1"');
    expect(sitemap.text).toContain(`<gk:indexNumber>${entries[0]!.indexNumber!}</gk:indexNumber>`);
    expect(sitemap.text).toContain(`/agencies/${agencyId}/columns/gzdt</loc>`);

    // A correction is a new version of the same document: same 索引号, new content.
    expect((await cast.drafter.post(`/api/v1/documents/${first.id}/correction`, { reason: '更正文号' })).status).toBe(200);
    const fixed = await cast.drafter.patch(`/api/v1/documents/${first.id}`, { version: 1, content: { catalogue: { writtenOn: '2026-11-30', documentNumber: '东工信〔2026〕13号', topic: '工业、交通' } } });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    await signOff(cast, first.id, 2);
    await clearSecrecy(cast, first.id, 2);
    await waitForPublication(cast.drafter, first.id, (p) => p.state === 'published' && p.version === 2, 'the correction published');
    const corrected = await request(system.portalUrl).get(new URL(first.url).pathname);
    expect(corrected.text).toContain('东工信〔2026〕13号');
    expect(corrected.text).toContain(entries[0]!.indexNumber!);

    // Site search: a two-character word and a longer phrase, indexed, over HTTP as JSON and as a page.
    const hits = await request(system.portalUrl).get(`/api/search?q=${encodeURIComponent(word)}`);
    expect(hits.status).toBe(200);
    expect(hits.body).toMatchObject({ query: word, total: 1, page: 1 });
    expect(hits.body.items[0]).toMatchObject({ documentId: first.id, indexNumber: entries[0]!.indexNumber, column: { code: 'gzdt', name: '工作动态' } });
    expect(hits.body.items[0].excerpt).toContain(word);
    const none = await request(system.portalUrl).get(`/api/search?q=${encodeURIComponent(`${word}无此词`)}`);
    expect(none.body.total).toBe(0);
    const html = await request(system.portalUrl).get(`/search?q=${encodeURIComponent(word)}`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('搜索结果（共 1 条）');
    const hostile = await request(system.portalUrl).get(`/api/search?q=${encodeURIComponent('a\u202Eb')}`);
    expect([hostile.status, hostile.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect((await request(system.portalUrl).get('/api/search?q=x&page=0')).status).toBe(400);
  });

  it('serves a column page by page, newest first; pushes without a catalogue entry are still accepted', async () => {
    // 23 items of one column of a CMS-side agency, pushed as the contract allows (signed, over HTTP).
    const agency = { id: `cms-${randomUUID().slice(0, 8)}`, name: '海东市测试推送局' };
    const ids: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      const publicationId = randomUUID();
      const documentId = randomUUID();
      ids.push(documentId);
      const catalogue = index === 0 ? undefined : { indexNumber: `T-${index}`, publisher: agency.name, columnCode: 'tzgg', columnName: '通知公告', writtenOn: '2026-12-01', documentNumber: null, topic: '综合政务', openness: '主动公开' };
      const body = JSON.stringify({
        publicationId,
        documentId,
        version: 1,
        contentHash: `sha256:${'a'.repeat(64)}`,
        kind: 'article',
        agency,
        title: `第${index + 1}号通知`,
        html: '<p>通知内容。</p>',
        data: null,
        publishedAt: new Date().toISOString(),
        column: '通知公告',
        ...(catalogue ? { catalogue } : {}),
      });
      const pushed = await request(system.portalUrl)
        .post('/api/push')
        .set({ 'Content-Type': 'application/json', 'X-Sanshen-Signature': portalSignature(body, system.portalPushSecret), 'Idempotency-Key': publicationId })
        .send(body);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    }
    // The first push had no catalogue entry: its page shows no 公开目录 table and it has no column page.
    const legacy = await request(system.portalUrl).get(`/items/${ids[0]}`);
    expect(legacy.status).toBe(200);
    expect(legacy.text).not.toContain('信息公开目录');

    const first = await request(system.portalUrl).get(`/agencies/${agency.id}/columns/tzgg`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('共 22 条');
    expect(first.text).toContain('第 1 页，共 2 页');
    expect(first.text).toContain(`href="/agencies/${agency.id}/columns/tzgg?page=2"`);
    expect(first.text).toContain('第23号通知');
    expect(first.text).not.toContain('第2号通知<');
    const second = await request(system.portalUrl).get(`/agencies/${agency.id}/columns/tzgg?page=2`);
    expect(second.status).toBe(200);
    expect(second.text).toContain('第2号通知');
    expect(second.text).toContain('rel="prev"');
    expect((await request(system.portalUrl).get(`/agencies/${agency.id}/columns/tzgg?page=3`)).status).toBe(404);
    expect((await request(system.portalUrl).get(`/agencies/${agency.id}/columns/tzgg?page=abc`)).status).toBe(404);
    expect((await request(system.portalUrl).get(`/agencies/${agency.id}/columns/nope`)).status).toBe(404);
    const agencyPage = await request(system.portalUrl).get(`/agencies/${agency.id}`);
    expect(agencyPage.text).toContain(`href="/agencies/${agency.id}/columns/tzgg"`);
  });
});
