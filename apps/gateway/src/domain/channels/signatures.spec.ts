import { describe, expect, it } from 'vitest';
import { dingtalkSign, dingtalkSignedUrl, smsSignature } from './signatures.js';

// Vectors computed independently (Python hmac/hashlib/base64/urllib.parse.quote_plus).
describe('钉钉 signed timestamp', () => {
  it('signs `timestamp\\nsecret` with HMAC-SHA256, base64', () => {
    expect(dingtalkSign('SECabc123', 1_700_000_000_000)).toBe('N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk=');
  });

  it('adds timestamp and the URL-encoded sign to the access token', () => {
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=t0k', 'SECabc123', 1_700_000_000_000)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=t0k&timestamp=1700000000000&sign=N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D',
    );
  });
});

describe('SMS provider signature', () => {
  it('is sha256= and the hex HMAC of `timestamp\\nbody`', () => {
    expect(smsSignature('0123456789abcdef', 1_700_000_000_000, '{"a":1}')).toBe('sha256=e3c57f8419448078d255d8260741944c760fece51c27f79392f5de7a5138c73b');
  });
});
