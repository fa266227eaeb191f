import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@sanshen/contracts';
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
}
