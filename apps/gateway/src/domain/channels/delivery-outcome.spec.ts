import { describe, expect, it } from 'vitest';
import { httpOutcome, robotOutcome, unreachableOutcome } from './delivery-outcome.js';

describe('delivery outcomes', () => {
  it('takes a robot’s errcode ≠ 0 in a 200 body as a failure, retried', () => {
    expect(robotOutcome('钉钉', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotOutcome('钉钉', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      permanent: false,
      reason: '钉钉返回错误 errcode 310000：sign not match',
    });
    expect(robotOutcome('企业微信', 200, 'not json')).toMatchObject({ ok: false, permanent: false });
  });

  it('retries 5xx, 408 and 429, gives up on other 4xx', () => {
    expect(httpOutcome('短信服务', 204, '')).toEqual({ ok: true });
    expect(httpOutcome('短信服务', 500, 'boom')).toEqual({ ok: false, permanent: false, reason: '短信服务返回 HTTP 500：boom' });
    expect(httpOutcome('短信服务', 429, '')).toMatchObject({ permanent: false });
    expect(httpOutcome('短信服务', 400, '')).toMatchObject({ permanent: true });
    expect(robotOutcome('企业微信', 404, '')).toMatchObject({ permanent: true });
  });

  it('retries an unreachable endpoint, naming the cause', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(unreachableOutcome('钉钉', error)).toEqual({ ok: false, permanent: false, reason: '钉钉无法连接：connect ECONNREFUSED 127.0.0.1:9' });
  });
});
