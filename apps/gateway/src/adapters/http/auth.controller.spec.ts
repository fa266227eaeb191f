import { REVIEW_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeOwnPasswordUseCase } from '../../use-cases/change-own-password/change-own-password.use-case.js';
import { RefreshSessionUseCase } from '../../use-cases/refresh-session/refresh-session.use-case.js';
import { SignInUseCase } from '../../use-cases/sign-in/sign-in.use-case.js';
import { SignOutUseCase } from '../../use-cases/sign-out/sign-out.use-case.js';
import { AuthController } from './auth.controller.js';
import { DELEGATION_EXAMPLE } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('AuthController', () => {
  let http: HttpTestApp;
  const drafter = actorWith(['drafter']);
  const pair = { accessToken: 'access', refreshToken: 'refresh', expiresIn: 900 };
  const signIn = {
    execute: vi.fn(async (username: string) => {
      if (username !== 'gx_drafter') throw new DomainError('AUTH.INVALID_CREDENTIALS');
      return { sessionId: 's1', ...pair, user: drafter, passwordChangeRequired: false };
    }),
  };
  const refresh = { execute: vi.fn(async () => ({ sessionId: 's1', ...pair })) };
  const signOut = { execute: vi.fn(async () => undefined) };
  const changePassword = { execute: vi.fn(async () => undefined) };

  beforeAll(async () => {
    http = await HttpTestApp.start(AuthController, {
      replies: { [REVIEW_RPC.delegations]: { given: [DELEGATION_EXAMPLE], received: [] } },
      providers: [
        { provide: SignInUseCase, useValue: signIn },
        { provide: RefreshSessionUseCase, useValue: refresh },
        { provide: SignOutUseCase, useValue: signOut },
        { provide: ChangeOwnPasswordUseCase, useValue: changePassword },
      ],
    });
  });
  afterAll(() => http.close());

  it('signs in without a token and answers the pair; wrong credentials are 401', async () => {
    const response = await http.request('POST', '/api/v1/auth/login', { body: { username: 'gx_drafter', password: 'secret' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...pair, user: drafter, passwordChangeRequired: false });
    const wrong = await http.request('POST', '/api/v1/auth/login', { body: { username: 'gx_other', password: 'secret' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH.INVALID_CREDENTIALS');
    const missing = await http.request('POST', '/api/v1/auth/login', { body: { username: 'gx_drafter' } });
    expect(missing.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [expect.objectContaining({ field: 'password' })] } });
  });

  it('puts a cookie session’s tokens in HttpOnly cookies, not in the answer', async () => {
    const response = await http.request('POST', '/api/v1/auth/login', { body: { username: 'gx_drafter', password: 'secret', cookie: true } });
    expect(response.json()).toMatchObject({ session: 'cookie', csrfToken: expect.any(String), expiresIn: 900 });
    expect(response.json().accessToken).toBeUndefined();
    expect(String(response.headers['set-cookie'])).toContain('HttpOnly');
  });

  it('refreshes with the token given, or refuses without token or cookie', async () => {
    expect((await http.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'refresh' } })).json()).toEqual(pair);
    expect(refresh.execute).toHaveBeenCalledWith('refresh');
    expect((await http.request('POST', '/api/v1/auth/refresh', { body: {} })).json().code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('shows the signed-in actor with their delegations, and signs out', async () => {
    const me = await http.request('GET', '/api/v1/me', { as: drafter });
    expect(me.json()).toMatchObject({ userId: drafter.userId, delegations: [DELEGATION_EXAMPLE] });
    expect((await http.request('POST', '/api/v1/auth/logout', { as: drafter })).statusCode).toBe(204);
    expect(signOut.execute).toHaveBeenCalledWith(expect.any(String));
    expect((await http.request('POST', '/api/v1/auth/logout')).statusCode).toBe(401);
  });

  it('still shows the actor when review refuses or is down', async () => {
    http.reply(REVIEW_RPC.delegations, new DomainError('AUTH.FORBIDDEN'));
    expect((await http.request('GET', '/api/v1/me', { as: drafter })).json().delegations).toEqual([]);
    http.unreachable(REVIEW_RPC.delegations);
    expect((await http.request('GET', '/api/v1/me', { as: drafter })).json().delegations).toEqual([]);
  });

  it('changes one’s own password with the old one', async () => {
    const body = { oldPassword: 'Old-Pass-2026!', newPassword: 'New-Pass-2026!' };
    expect((await http.request('POST', '/api/v1/me/password', { as: drafter, body })).statusCode).toBe(204);
    expect(changePassword.execute).toHaveBeenCalledWith(expect.objectContaining({ userId: drafter.userId }), expect.any(String), body, expect.any(String));
    expect((await http.request('POST', '/api/v1/me/password', { as: drafter, body: { newPassword: 'x' } })).statusCode).toBe(400);
  });
});
