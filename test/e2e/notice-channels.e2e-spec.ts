import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import { withDatabase } from './support/database.js';
import type { Session } from './support/api.js';
import { ChannelStubs } from './support/channel-stubs.js';
import { draftArticle, publishArticle, signInCast, signOff } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

const DINGTALK_SECRET = `SEC${randomBytes(16).toString('hex')}`;
const SMS_SECRET = randomBytes(24).toString('hex');
const HEAD_PHONE = '13812345678';

type Notice = { id: string; documentId: string; kind: string; message: string };
type Failed = { id: string; channel: string; documentId: string; reason: string | null; attemptsMade: number };

/** Notices beyond the lifecycle (issue #12 point 1) and the outbound channels (point 2), to local stub robots and an SMS provider. */
describe('notice channels', () => {
  let system: RunningSystem;
  let cast: Cast;
  let admin: Session;
  let agencyId: string;
  const stubs = new ChannelStubs(DINGTALK_SECRET, SMS_SECRET);

  const put = (session: Session, path: string, body: object) =>
    request(system.gatewayUrl).put(path).set({ Authorization: `Bearer ${session.token}` }).send(body);
  const channels = (id = agencyId) => `/api/v1/agencies/${id}/notice-channels`;

  beforeAll(async () => {
    await stubs.start();
    system = await startSystem({
      CHANNEL_ALLOWED_HOSTS: '127.0.0.1',
      CHANNEL_DELIVERY_ATTEMPTS: '4',
      CHANNEL_RETRY_BACKOFF_MS: '200',
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `${stubs.baseUrl}/sms`,
      SMS_HTTP_KEY_ID: 'e2e',
      SMS_HTTP_SECRET: SMS_SECRET,
      CHANNEL_SECRETS_KEY: randomBytes(32).toString('hex'),
    });
    cast = await signInCast(system);
    admin = await signIn(system, 'gx_admin');
    agencyId = (await admin.get('/api/v1/me')).body.agencyId as string;
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
    await stubs.stop();
  });

  const noticeOf = (session: Session, documentId: string, kind: string) =>
    waitFor(async () => ((await session.get('/api/v1/notices')).body.items as Notice[]).find((notice) => notice.documentId === documentId && notice.kind === kind), {
      what: `the ${kind} notice of ${documentId} to ${session.username}`,
    });

  it('tells the drafter and secrecy officers of a referral, and the principal of a retraction awaiting authorization', async () => {
    const referred = await draftArticle(cast);
    await signOff(cast, referred.id, referred.version);
    await waitFor(
      async () => {
        const decided = await cast.secrecyOfficer.post(`/api/v1/documents/${referred.id}/secrecy/decision`, {
          version: referred.version,
          conclusion: 'refer',
          basis: '《中华人民共和国保守国家秘密法》第三十五条',
          opinion: '涉及其他机关事项，报请保密行政管理部门确定。',
        });
        return decided.status === 201 ? decided : undefined;
      },
      { timeoutMs: 20_000, what: 'the referral' },
    );
    expect((await noticeOf(cast.drafter, referred.id, 'secrecy_referred')).message).toContain('报请保密行政管理部门');

    const published = await publishArticle(cast);
    const reason = '数据口径有误，需撤回更正';
    expect((await cast.publisher.post(`/api/v1/documents/${published.id}/retract`, { reason })).status).toBe(200);
    const toPrincipal = await noticeOf(cast.principal, published.id, 'retraction_requested');
    expect(toPrincipal.message).toContain(reason);
    // The publisher who asked is not told of their own request.
    expect(((await cast.publisher.get('/api/v1/notices')).body.items as Notice[]).some((notice) => notice.kind === 'retraction_requested')).toBe(false);
    // The request is in the ledger without a violation, and the authorization still follows in sequence.
    expect((await cast.principal.post(`/api/v1/documents/${published.id}/retract/authorize`)).status).toBe(200);
    const entries = await waitFor(
      async () => {
        const response = await cast.auditor.get(`/api/v1/documents/${published.id}/audit`);
        const list = response.body.entries as { eventType: string; violation: unknown }[] | undefined;
        return list?.at(-1)?.eventType === 'document.retracted' ? list : undefined;
      },
      { timeoutMs: 20_000, what: 'retracted in the ledger' },
    );
    expect(entries.map((entry) => entry.eventType).slice(-2)).toEqual(['document.publication.retraction_requested', 'document.retracted']);
    expect(entries.every((entry) => entry.violation === null || entry.violation === undefined)).toBe(true);
    await waitFor(async () => (await cast.drafter.get(`/api/v1/documents/${published.id}`)).body.status === 'retracted' || undefined, {
      what: 'drafting to project the retraction',
    });
  }, 240_000);

  it('lets the agency admin set channels (validated, secrets masked, other agencies 404) and each person their own preferences', async () => {
    const initial = await admin.get(channels());
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ smsAvailable: true, allowedHosts: ['127.0.0.1'] });
    expect((initial.body.items as { channel: string; enabled: boolean }[]).map((item) => [item.channel, item.enabled])).toEqual([
      ['wecom', false],
      ['dingtalk', false],
      ['sms', false],
    ]);

    const refused = async (channel: string, body: object) => {
      const response = await put(admin, `${channels()}/${channel}`, body);
      return [response.status, response.body.code as string];
    };
    expect(await refused('wecom', { enabled: true, webhookUrl: 'https://example.com/hook' })).toEqual([422, 'CHANNEL.WEBHOOK_HOST_NOT_ALLOWED']);
    expect(await refused('wecom', { enabled: true, webhookUrl: 'ftp://127.0.0.1/hook' })).toEqual([422, 'CHANNEL.WEBHOOK_URL_INVALID']);
    expect(await refused('wecom', { enabled: true })).toEqual([422, 'CHANNEL.WEBHOOK_REQUIRED']);
    expect(await refused('dingtalk', { enabled: true, webhookUrl: `${stubs.baseUrl}/dingtalk?access_token=t` })).toEqual([422, 'CHANNEL.SECRET_REQUIRED']);
    expect(await refused('fax', { enabled: true })).toEqual([404, 'CHANNEL.UNKNOWN']);
    expect((await put(admin, `${channels()}/wecom`, { enabled: 'yes' })).status).toBe(400);
    expect((await put(admin, `${channels()}/wecom`, { enabled: true, extra: 1 })).status).toBe(400);

    const wecom = await put(admin, `${channels()}/wecom`, { enabled: true, webhookUrl: `${stubs.baseUrl}/wecom?key=wecom-key-123456` });
    expect(wecom.status).toBe(200);
    expect(wecom.body).toMatchObject({ channel: 'wecom', enabled: true, webhookUrl: `${stubs.baseUrl}/wecom?key=****3456`, msgtype: 'text' });
    const dingtalk = await put(admin, `${channels()}/dingtalk`, {
      enabled: true,
      webhookUrl: `${stubs.baseUrl}/dingtalk?access_token=ding-token-abcdef`,
      secret: DINGTALK_SECRET,
      msgtype: 'markdown',
    });
    expect(dingtalk.status).toBe(200);
    expect(dingtalk.body).toMatchObject({ secretSet: true, secretHint: `****${DINGTALK_SECRET.slice(-4)}`, msgtype: 'markdown' });
    expect((await put(admin, `${channels()}/sms`, { enabled: true, signName: '海东市工信局' })).body).toMatchObject({ enabled: true, signName: '海东市工信局' });
    const shown = await admin.get(channels());
    expect(shown.text).not.toContain(DINGTALK_SECRET);
    expect(shown.text).not.toContain('ding-token-abcdef');
    expect(shown.text).not.toContain('wecom-key-123456');
    // At rest, the webhook URLs (they carry the robots' keys) and the 加签 secret are sealed.
    const stored = await withDatabase(system, async (client) =>
      (await client.query('SELECT channel, webhook_url, secret FROM identity.agency_notice_channels WHERE agency_id = $1', [agencyId])).rows as {
        webhook_url: string | null;
        secret: string | null;
      }[],
    );
    expect(stored.length).toBe(3);
    for (const row of stored) for (const value of [row.webhook_url, row.secret]) expect(value === null || value.startsWith('enc:v1:')).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(DINGTALK_SECRET);

    // Another agency's admin finds nothing; someone who is not an admin is refused.
    const zwAdmin = await signIn(system, 'zw_admin');
    for (const response of [await zwAdmin.get(channels()), await put(zwAdmin, `${channels()}/wecom`, { enabled: false }), await zwAdmin.get(`/api/v1/agencies/${agencyId}/notice-deliveries/failed`)]) {
      expect([response.status, response.body.code]).toEqual([404, 'CHANNEL.AGENCY_NOT_FOUND']);
    }
    expect((await cast.drafter.get(channels())).status).toBe(403);
    expect((await admin.get(channels('not-a-uuid'))).status).toBe(400);

    // Preferences: one's own only, SMS needs a valid mobile number, shown masked.
    expect((await put(cast.head, '/api/v1/me/notice-channels', { channels: ['sms'] })).body.code).toBe('CHANNEL.PHONE_REQUIRED');
    expect((await put(cast.head, '/api/v1/me/notice-channels', { channels: ['sms'], phone: '12345' })).body.code).toBe('CHANNEL.PHONE_INVALID');
    expect((await put(cast.head, '/api/v1/me/notice-channels', { channels: ['pager'] })).status).toBe(400);
    const chosen = await put(cast.head, '/api/v1/me/notice-channels', { channels: ['wecom', 'dingtalk', 'sms'], phone: HEAD_PHONE });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ channels: ['wecom', 'dingtalk', 'sms'], phone: '138****5678', available: ['dingtalk', 'sms', 'wecom'] });
    expect((await cast.head.get('/api/v1/me/notice-channels')).body.phone).toBe('138****5678');
  });

  it('delivers a notice to 企业微信, 钉钉 and SMS, retrying after failures (HTTP 500, errcode ≠ 0 in a 200 body)', async () => {
    stubs.script('dingtalk', ['http500', 'errcode']);
    stubs.script('sms', ['http500', 'http500']);
    const drafted = await draftArticle(cast);
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    await noticeOf(cast.head, drafted.id, 'submitted');

    const about = (route: 'wecom' | 'dingtalk' | 'sms') => stubs.requests[route].filter((entry) => JSON.stringify(entry.body).includes(drafted.title));
    await waitFor(() => (about('wecom').some((entry) => entry.answer === 'ok') ? true : undefined), { timeoutMs: 20_000, what: 'the 企业微信 post' });
    await waitFor(() => (about('dingtalk').length >= 3 ? true : undefined), { timeoutMs: 20_000, what: 'the 钉钉 post, third attempt' });
    await waitFor(() => (about('sms').length >= 3 ? true : undefined), { timeoutMs: 20_000, what: 'the SMS, third attempt' });

    const [wecom] = about('wecom');
    expect(wecom!.body).toEqual({
      msgtype: 'text',
      text: { content: `【三审通知 · 待审核】《${drafted.title}》待您科室负责人审核（一审）。`, mentioned_mobile_list: [HEAD_PHONE] },
    });
    expect(about('dingtalk').map((entry) => entry.answer)).toEqual(['http500', 'errcode', 'ok']);
    expect(about('dingtalk')[2]!.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '三审通知 · 待审核' }, at: { atMobiles: [HEAD_PHONE], isAtAll: false } });
    expect(about('sms').map((entry) => entry.answer)).toEqual(['http500', 'http500', 'ok']);
    expect(about('sms')[2]!.body).toMatchObject({ phone: HEAD_PHONE, signName: '海东市工信局', text: `三审通知 · 待审核：《${drafted.title}》待您科室负责人审核（一审）。` });
    expect(about('sms')[2]!.headers['x-sanshen-key-id']).toBe('e2e');
    // Every attempt carries the same idempotency key.
    expect(new Set(about('sms').map((entry) => entry.headers['idempotency-key'])).size).toBe(1);
    expect(stubs.problems).toEqual([]);
    // Each delivery once: a robot post for the head, no second one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(about('wecom')).toHaveLength(1);
  }, 120_000);

  it('keeps a delivery that used up its attempts as a dead letter the admin can re-queue', async () => {
    stubs.answerAlways('wecom', 'errcode');
    const drafted = await draftArticle(cast);
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    const failedPath = `/api/v1/agencies/${agencyId}/notice-deliveries/failed`;
    const dead = await waitFor(
      async () => ((await admin.get(failedPath)).body.items as Failed[] | undefined)?.find((item) => item.documentId === drafted.id && item.channel === 'wecom'),
      { timeoutMs: 30_000, what: 'the dead letter of the 企业微信 post' },
    );
    expect(dead.attemptsMade).toBe(4);
    expect(dead.reason).toContain('errcode 310000');
    expect((await cast.drafter.get(failedPath)).status).toBe(403);

    stubs.answerAlways('wecom', undefined);
    const requeued = await admin.post(`/api/v1/agencies/${agencyId}/notice-deliveries/${dead.id}/requeue`);
    expect([requeued.status, requeued.body]).toEqual([200, { id: dead.id, state: 'requeued' }]);
    await waitFor(
      () => (stubs.requests.wecom.some((entry) => entry.answer === 'ok' && JSON.stringify(entry.body).includes(drafted.title)) ? true : undefined),
      { timeoutMs: 20_000, what: 'the re-queued post delivered' },
    );
    await waitFor(async () => (((await admin.get(failedPath)).body.items as Failed[]).some((item) => item.id === dead.id) ? undefined : true), {
      what: 'the dead letter gone',
    });
    const again = await admin.post(`/api/v1/agencies/${agencyId}/notice-deliveries/${dead.id}/requeue`);
    expect([again.status, again.body.code]).toEqual([409, 'CHANNEL.DELIVERY_NOT_FAILED']);
    const unknown = await admin.post(`/api/v1/agencies/${agencyId}/notice-deliveries/nothing-here/requeue`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CHANNEL.DELIVERY_NOT_FOUND']);
    expect(stubs.problems).toEqual([]);
  }, 120_000);
});
