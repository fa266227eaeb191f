import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigureAgencyChannelUseCase } from '../../use-cases/configure-agency-channel/configure-agency-channel.use-case.js';
import { ListFailedDeliveriesUseCase } from '../../use-cases/list-failed-deliveries/list-failed-deliveries.use-case.js';
import { RequeueDeliveryUseCase } from '../../use-cases/requeue-delivery/requeue-delivery.use-case.js';
import { SetChannelPreferencesUseCase } from '../../use-cases/set-channel-preferences/set-channel-preferences.use-case.js';
import { ShowAgencyChannelsUseCase } from '../../use-cases/show-agency-channels/show-agency-channels.use-case.js';
import { ShowChannelPreferencesUseCase } from '../../use-cases/show-channel-preferences/show-channel-preferences.use-case.js';
import { ChannelsController } from './channels.controller.js';
import { IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('ChannelsController', () => {
  let http: HttpTestApp;
  const showAgency = { execute: vi.fn(async () => ({ items: [], smsAvailable: false, allowedHosts: [] })) };
  const configure = { execute: vi.fn(async () => ({ channel: 'dingtalk', enabled: true })) };
  const showPreferences = { execute: vi.fn(async () => ({ channels: [], phone: null, available: [] })) };
  const setPreferences = { execute: vi.fn(async () => ({ channels: ['sms'], phone: '138****5678', available: ['sms'] })) };
  const listFailed = { execute: vi.fn(async () => ({ items: [] })) };
  const requeue = { execute: vi.fn(async () => ({ id: 'dingtalk:e-1', state: 'requeued' })) };
  const admin = actorWith(['admin']);
  const drafter = actorWith(['drafter']);
  const channels = `/api/v1/agencies/${IDS.agency}/notice-channels`;

  beforeAll(async () => {
    http = await HttpTestApp.start(ChannelsController, {
      providers: [
        { provide: ShowAgencyChannelsUseCase, useValue: showAgency },
        { provide: ConfigureAgencyChannelUseCase, useValue: configure },
        { provide: ShowChannelPreferencesUseCase, useValue: showPreferences },
        { provide: SetChannelPreferencesUseCase, useValue: setPreferences },
        { provide: ListFailedDeliveriesUseCase, useValue: listFailed },
        { provide: RequeueDeliveryUseCase, useValue: requeue },
      ],
    });
  });
  afterAll(() => http.close());

  it('asks for sign-in, and passes the agency on to the use case that decides who may see it', async () => {
    expect((await http.request('GET', channels)).statusCode).toBe(401);
    expect((await http.request('GET', channels, { as: admin })).statusCode).toBe(200);
    expect(showAgency.execute).toHaveBeenLastCalledWith(expect.objectContaining({ userId: admin.userId }), IDS.agency);
    expect((await http.request('GET', '/api/v1/agencies/not-a-uuid/notice-channels', { as: admin })).statusCode).toBe(400);
  });

  it('configures a known channel with a validated body and refuses an unknown one as not found', async () => {
    const body = { enabled: true, webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: 'SECx', msgtype: 'text' };
    expect((await http.request('PUT', `${channels}/dingtalk`, { as: admin, body })).statusCode).toBe(200);
    expect(configure.execute).toHaveBeenLastCalledWith(expect.objectContaining({ userId: admin.userId }), IDS.agency, 'dingtalk', body, expect.any(String));
    const unknown = await http.request('PUT', `${channels}/telegram`, { as: admin, body });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CHANNEL.UNKNOWN']);
    const invalid = await http.request('PUT', `${channels}/dingtalk`, { as: admin, body: { ...body, msgtype: 'html', extra: 1 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details.errors.map((error: { field: string }) => error.field).sort()).toEqual(['extra', 'msgtype']);
  });

  it('lists failed deliveries with the limit converted (default 50, at most 200) and requeues one', async () => {
    await http.request('GET', `/api/v1/agencies/${IDS.agency}/notice-deliveries/failed`, { as: admin });
    expect(listFailed.execute).toHaveBeenLastCalledWith(expect.anything(), IDS.agency, 50);
    await http.request('GET', `/api/v1/agencies/${IDS.agency}/notice-deliveries/failed?limit=20`, { as: admin });
    expect(listFailed.execute).toHaveBeenLastCalledWith(expect.anything(), IDS.agency, 20);
    expect((await http.request('GET', `/api/v1/agencies/${IDS.agency}/notice-deliveries/failed?limit=500`, { as: admin })).statusCode).toBe(400);
    const requeued = await http.request('POST', `/api/v1/agencies/${IDS.agency}/notice-deliveries/dingtalk:e-1/requeue`, { as: admin });
    expect([requeued.statusCode, requeued.json()]).toEqual([200, { id: 'dingtalk:e-1', state: 'requeued' }]);
    expect(requeue.execute).toHaveBeenLastCalledWith(expect.anything(), IDS.agency, 'dingtalk:e-1');
  });

  it('reads and sets the caller’s own preferences, refusing channels it does not know', async () => {
    expect((await http.request('GET', '/api/v1/me/notice-channels', { as: drafter })).statusCode).toBe(200);
    expect(showPreferences.execute).toHaveBeenLastCalledWith(expect.objectContaining({ userId: drafter.userId }));
    const set = await http.request('PUT', '/api/v1/me/notice-channels', { as: drafter, body: { channels: ['sms'], phone: '13812345678' } });
    expect(set.statusCode).toBe(200);
    expect(setPreferences.execute).toHaveBeenLastCalledWith(expect.objectContaining({ userId: drafter.userId }), { channels: ['sms'], phone: '13812345678' });
    expect((await http.request('PUT', '/api/v1/me/notice-channels', { as: drafter, body: { channels: ['fax'] } })).statusCode).toBe(400);
  });
});
