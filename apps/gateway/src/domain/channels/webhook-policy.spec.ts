import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, maskPhone, maskSecret, maskWebhookUrl, parseAllowedHosts } from './webhook-policy.js';

const vendors = parseAllowedHosts(undefined);

describe('webhook URLs (SSRF guard)', () => {
  it('allows the vendors’ robot hosts by default', () => {
    expect(vendors).toEqual(['qyapi.weixin.qq.com', 'oapi.dingtalk.com']);
    expect(checkWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', vendors).ok).toBe(true);
    expect(checkWebhookUrl('https://OAPI.dingtalk.com/robot/send?access_token=t', vendors).ok).toBe(true);
  });

  it('refuses other hosts, other schemes, user information and garbage', () => {
    const refused = (url: string, hosts = vendors) => {
      const checked = checkWebhookUrl(url, hosts);
      return checked.ok ? null : checked.code;
    };
    expect(refused('http://127.0.0.1:8080/hook')).toBe('CHANNEL.WEBHOOK_HOST_NOT_ALLOWED');
    expect(refused('http://169.254.169.254/latest/meta-data')).toBe('CHANNEL.WEBHOOK_HOST_NOT_ALLOWED');
    expect(refused('https://qyapi.weixin.qq.com.evil.example/x')).toBe('CHANNEL.WEBHOOK_HOST_NOT_ALLOWED');
    expect(refused('file:///etc/passwd')).toBe('CHANNEL.WEBHOOK_URL_INVALID');
    expect(refused('https://u:p@qyapi.weixin.qq.com/x')).toBe('CHANNEL.WEBHOOK_URL_INVALID');
    expect(refused('not a url')).toBe('CHANNEL.WEBHOOK_URL_INVALID');
    expect(refused('http://127.0.0.1:8080/hook', parseAllowedHosts(' 127.0.0.1 , '))).toBeNull();
  });
});

describe('masking', () => {
  it('never shows a secret, a webhook key or a phone number in full', () => {
    expect(maskSecret('SECabcdef1234')).toBe('****1234');
    expect(maskSecret('abc')).toBe('****');
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa',
    );
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
