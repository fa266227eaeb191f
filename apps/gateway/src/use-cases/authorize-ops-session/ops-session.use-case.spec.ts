import { JwtService } from '@nestjs/jwt';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import type { GatewayConfig } from '../../config/gateway.config.js';
import type { IdentityRepository } from '../../persistence/identity.repository.js';
import { SessionTokens } from '../session-tokens.js';
import type { SignInUseCase } from '../sign-in/sign-in.use-case.js';
import { OpenOpsSessionUseCase } from '../open-ops-session/open-ops-session.use-case.js';
import { AuthorizeOpsSessionUseCase } from './authorize-ops-session.use-case.js';

const admin: Actor = { userId: 'u-admin', agencyId: 'a1', agencyName: '局', departmentId: null, roles: ['admin'], oversees: [], displayName: '管理员' };
const publisher: Actor = { ...admin, userId: 'u-pub', roles: ['publisher'], displayName: '发布员' };

/** Real token signing (the module's options as the gateway registers them); the repository is a fake. */
function setUp(options: { actor: Actor; live?: boolean; reloaded?: Actor | null }) {
  const jwt = new JwtService({ secret: 'x'.repeat(32), signOptions: { algorithm: 'HS256', issuer: 'sanshen' }, verifyOptions: { algorithms: ['HS256'], issuer: 'sanshen' } });
  const config = { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, opsSessionTtlSeconds: 28_800 } as GatewayConfig;
  const tokens = new SessionTokens(jwt, config);
  const identity = {
    revokeSession: vi.fn().mockResolvedValue(undefined),
    isSessionLive: vi.fn().mockResolvedValue(options.live ?? true),
    loadActor: vi.fn().mockResolvedValue(options.reloaded === undefined ? options.actor : options.reloaded),
  };
  const signIn = { openSession: vi.fn().mockResolvedValue({ actor: options.actor, sessionId: 's1', refreshToken: 'r' }) };
  return {
    tokens,
    identity,
    open: new OpenOpsSessionUseCase(signIn as unknown as SignInUseCase, identity as unknown as IdentityRepository, tokens),
    authorize: new AuthorizeOpsSessionUseCase(identity as unknown as IdentityRepository, tokens),
  };
}

describe('operators console sessions', () => {
  it('opens a console session for an administrator, and the cookie authorizes while the session lives', async () => {
    const { open, authorize, identity } = setUp({ actor: admin });
    const ticket = await open.execute('gx_admin', 'pw');
    expect(ticket.expiresIn).toBe(28_800);
    await expect(authorize.execute(ticket.token)).resolves.toEqual({ actor: admin, sessionId: 's1' });
    expect(identity.isSessionLive).toHaveBeenCalledWith('s1');
    expect(identity.revokeSession).not.toHaveBeenCalled();
  });

  it('refuses anyone but an administrator and revokes the session just opened', async () => {
    const { open, identity } = setUp({ actor: publisher });
    await expect(open.execute('gx_publisher', 'pw')).rejects.toMatchObject({ code: 'AUTH.OPS_ADMIN_ONLY' });
    expect(identity.revokeSession).toHaveBeenCalledWith('s1');
  });

  it('stops accepting the cookie when the session ends, the account goes or the admin role is withdrawn', async () => {
    const revoked = setUp({ actor: admin, live: false });
    const token = (await revoked.open.execute('gx_admin', 'pw')).token;
    await expect(revoked.authorize.execute(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });

    const disabled = setUp({ actor: admin, reloaded: null });
    await expect(disabled.authorize.execute((await disabled.open.execute('gx_admin', 'pw')).token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });

    const demoted = setUp({ actor: admin, reloaded: { ...admin, roles: [] } });
    await expect(demoted.authorize.execute((await demoted.open.execute('gx_admin', 'pw')).token)).rejects.toMatchObject({ code: 'AUTH.OPS_ADMIN_ONLY' });
  });

  it('accepts neither an API access token as a cookie nor a cookie as an API token, nor a missing or forged one', async () => {
    const { tokens, authorize } = setUp({ actor: admin });
    const access = await tokens.accessToken(admin, 's1');
    await expect(authorize.execute(access.token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(authorize.execute(undefined)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const ops = await tokens.opsToken(admin.userId, 's1');
    const [header, , signature] = ops.token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'someone', sid: 's1', iss: 'sanshen-ops' })).toString('base64url')}.${signature}`;
    await expect(authorize.execute(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    // The API's guard verifies with the module's options (issuer `sanshen`): a console token fails there.
    const jwt = new JwtService({ secret: 'x'.repeat(32), verifyOptions: { algorithms: ['HS256'], issuer: 'sanshen' } });
    await expect(jwt.verifyAsync(ops.token)).rejects.toThrow();
  });
});
