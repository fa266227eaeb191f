import { describe, expect, it } from 'vitest';
import { loadChannelsConfig } from './channels.config.js';

describe('channels config', () => {
  it('defaults to the vendors’ robot hosts, five attempts and no SMS', () => {
    expect(loadChannelsConfig({})).toMatchObject({ allowedHosts: ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'], attempts: 5, sms: null });
  });

  it('needs the URL and secret of the HTTP SMS provider it is told to use', () => {
    expect(() => loadChannelsConfig({ SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(
      loadChannelsConfig({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms', SMS_HTTP_SECRET: '0123456789abcdef', CHANNEL_ALLOWED_HOSTS: '127.0.0.1' }),
    ).toMatchObject({ allowedHosts: ['127.0.0.1'], sms: { url: 'http://127.0.0.1:9/sms', keyId: 'sanshen', secret: '0123456789abcdef' } });
  });
});
