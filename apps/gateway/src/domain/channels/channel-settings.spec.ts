import { describe, expect, it } from 'vitest';
import { agencyChannelView, changeAgencyChannel, changePreferences, preferencesView } from './channel-settings.js';

const context = { allowedHosts: ['oapi.dingtalk.com', 'qyapi.weixin.qq.com'], smsAvailable: false };
const hook = 'https://oapi.dingtalk.com/robot/send?access_token=abcdef';

describe('an agency’s channel settings', () => {
  it('enables 钉钉 with its webhook and 加签 secret, and keeps the secret when it is not sent again', () => {
    const first = changeAgencyChannel('dingtalk', null, { enabled: true, webhookUrl: hook, secret: 'SEC123456' }, context);
    expect(first).toEqual({ ok: true, value: { channel: 'dingtalk', enabled: true, webhookUrl: hook, secret: 'SEC123456', msgtype: 'text', signName: null } });
    const again = changeAgencyChannel('dingtalk', first.ok ? first.value : null, { enabled: true, msgtype: 'markdown' }, context);
    expect(again.ok && again.value).toMatchObject({ webhookUrl: hook, secret: 'SEC123456', msgtype: 'markdown' });
  });

  it('refuses what cannot work, with a stable code', () => {
    const code = (result: ReturnType<typeof changeAgencyChannel>) => (result.ok ? null : result.code);
    expect(code(changeAgencyChannel('wecom', null, { enabled: true }, context))).toBe('CHANNEL.WEBHOOK_REQUIRED');
    expect(code(changeAgencyChannel('dingtalk', null, { enabled: true, webhookUrl: hook }, context))).toBe('CHANNEL.SECRET_REQUIRED');
    expect(code(changeAgencyChannel('dingtalk', null, { enabled: true, webhookUrl: 'http://10.0.0.1/', secret: 's' }, context))).toBe('CHANNEL.WEBHOOK_HOST_NOT_ALLOWED');
    expect(code(changeAgencyChannel('sms', null, { enabled: true }, context))).toBe('CHANNEL.SMS_UNAVAILABLE');
    expect(code(changeAgencyChannel('sms', null, { enabled: false }, context))).toBeNull();
    expect(code(changeAgencyChannel('wecom', null, { enabled: false }, context))).toBeNull();
  });

  it('shows a stored secret and the webhook’s token masked', () => {
    const view = agencyChannelView('dingtalk', { channel: 'dingtalk', enabled: true, webhookUrl: hook, secret: 'SEC123456', msgtype: 'text', signName: null });
    expect(view).toEqual({
      channel: 'dingtalk',
      enabled: true,
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=****cdef',
      secretSet: true,
      secretHint: '****3456',
      msgtype: 'text',
      signName: null,
    });
    expect(JSON.stringify(view)).not.toContain('SEC123456');
  });
});

describe('a person’s preferences', () => {
  it('needs a valid mainland mobile number for SMS', () => {
    expect(changePreferences(null, { channels: ['sms'] })).toEqual({ ok: false, code: 'CHANNEL.PHONE_REQUIRED' });
    expect(changePreferences(null, { channels: ['sms'], phone: '12345' })).toEqual({ ok: false, code: 'CHANNEL.PHONE_INVALID' });
    expect(changePreferences(null, { channels: ['sms', 'sms', 'wecom'], phone: '+86 138-1234-5678' })).toEqual({
      ok: true,
      value: { channels: ['sms', 'wecom'], phone: '13812345678' },
    });
  });

  it('keeps the phone unless sent, clears it on an empty one, and shows it masked', () => {
    const kept = changePreferences({ channels: ['sms'], phone: '13812345678' }, { channels: ['dingtalk'] });
    expect(kept).toEqual({ ok: true, value: { channels: ['dingtalk'], phone: '13812345678' } });
    expect(changePreferences({ channels: [], phone: '13812345678' }, { channels: [], phone: '' })).toEqual({ ok: true, value: { channels: [], phone: null } });
    expect(preferencesView({ channels: ['sms'], phone: '13812345678' })).toEqual({ channels: ['sms'], phone: '138****5678' });
  });
});
