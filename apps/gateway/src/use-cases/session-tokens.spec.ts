import { JwtService } from '@nestjs/jwt';
import { describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../config/gateway.config.js';
import { SessionTokens } from './session-tokens.js';

function tokensWith(secret: string): SessionTokens {
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', issuer: 'sanshen' } });
  return new SessionTokens(jwt, { jwtSecret: secret, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, opsSessionTtlSeconds: 28_800 } as GatewayConfig);
}

/** The CSRF token of a cookie session (issue #11): bound to the session and the installation's secret. */
describe('SessionTokens CSRF tokens', () => {
  const tokens = tokensWith('a'.repeat(32));

  it('accepts the token of the same session, and is stable for it', () => {
    const token = tokens.csrfToken('session-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.csrfToken('session-1')).toBe(token);
    expect(tokens.isCsrfTokenValid('session-1', token)).toBe(true);
  });

  it("refuses another session's token, another installation's, a changed one, and none", () => {
    const token = tokens.csrfToken('session-1');
    expect(tokens.isCsrfTokenValid('session-2', token)).toBe(false);
    expect(tokensWith('b'.repeat(32)).isCsrfTokenValid('session-1', token)).toBe(false);
    expect(tokens.isCsrfTokenValid('session-1', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokens.isCsrfTokenValid('session-1', `${token}x`)).toBe(false);
    expect(tokens.isCsrfTokenValid('session-1', '')).toBe(false);
    expect(tokens.isCsrfTokenValid('session-1', undefined)).toBe(false);
    expect(tokens.isCsrfTokenValid('session-1', [token, token])).toBe(false);
  });
});
