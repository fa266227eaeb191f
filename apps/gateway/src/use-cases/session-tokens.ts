import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@sanshen/kernel';
import { GATEWAY_CONFIG } from '../config/gateway.config.js';
import type { GatewayConfig } from '../config/gateway.config.js';

/** Claims of an access token: the actor, so services get it without a lookup, and the session. */
export interface AccessClaims {
  sub: string;
  sid: string;
  agencyId: string;
  agencyName: string;
  departmentId: string | null;
  roles: string[];
  oversees: string[];
  name: string;
}

/** Claims of the operators' console cookie: the session only; roles are read again on every request. */
export interface OpsClaims {
  sub: string;
  sid: string;
}

/** Console tokens have their own issuer, so neither kind of token is accepted in place of the other. */
const OPS_ISSUER = 'sanshen-ops';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      hash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    };
  }

  async accessToken(actor: Actor, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const claims: AccessClaims = {
      sub: actor.userId,
      sid: sessionId,
      agencyId: actor.agencyId,
      agencyName: actor.agencyName,
      departmentId: actor.departmentId,
      roles: actor.roles,
      oversees: actor.oversees,
      name: actor.displayName,
    };
    const token = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return { token, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** The operators' console cookie of a session (8 hours by default, never beyond the session). */
  async opsToken(userId: string, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const claims: OpsClaims = { sub: userId, sid: sessionId };
    const expiresIn = this.config.opsSessionTtlSeconds;
    return { token: await this.jwt.signAsync(claims, { issuer: OPS_ISSUER, expiresIn }), expiresIn };
  }

  /**
   * The CSRF token of a cookie session (issue #11): an HMAC of the session id under the signing
   * secret, so it cannot be guessed or planted from another site, and needs no storage. Sent in the
   * readable `sanshen_csrf` cookie, echoed by the console in `X-CSRF-Token`.
   */
  csrfToken(sessionId: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`csrf:${sessionId}`).digest('base64url');
  }

  isCsrfTokenValid(sessionId: string, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(sessionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The claims of a console cookie, or null when it is malformed, forged, expired or an API token. */
  async verifyOpsToken(token: string): Promise<OpsClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<OpsClaims>(token, { issuer: OPS_ISSUER, algorithms: ['HS256'] });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? { sub: claims.sub, sid: claims.sid } : null;
    } catch {
      return null;
    }
  }
}
