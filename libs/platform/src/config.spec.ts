import { describe, expect, it } from 'vitest';
import { loadBaseConfig, parseTrustProxy } from './config.js';

describe('TRUST_PROXY', () => {
  it('trusts only a loopback proxy by default', () => {
    expect(loadBaseConfig({ INTERNAL_TOKEN_SECRET: 'x'.repeat(32) }, 3000).trustProxy).toEqual(['loopback']);
  });

  it('reads true, false and lists of addresses, CIDRs and names', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy(' uniquelocal, 10.0.0.0/8 ,::1, fd00::/8')).toEqual(['uniquelocal', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it.each([['1'], ['proxy.example'], ['10.0.0.0/33'], ['10.0.0.1/8/1'], [' , ']])('refuses %j, naming the variable', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});
