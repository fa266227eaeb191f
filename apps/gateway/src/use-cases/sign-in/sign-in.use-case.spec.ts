import argon2 from 'argon2';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import type { IdentityRepository } from '../../persistence/identity.repository.js';
import type { OrganisationRepository } from '../../persistence/organisation.repository.js';
import type { SignInGuardRepository } from '../../persistence/sign-in-guard.repository.js';
import type { SessionTokens } from '../session-tokens.js';
import { SignInUseCase } from './sign-in.use-case.js';

const PASSWORD = 'Haidong-Gx-2026!';
const actor: Actor = { userId: 'u1', agencyId: 'a1', agencyName: '局', departmentId: 'd1', roles: ['drafter'], oversees: [], displayName: '张' };

let passwordHash = '';

function setUp(options: { exists: boolean; locked?: boolean; justLocked?: boolean }) {
  const user = { id: 'u1', agencyId: 'a1', passwordHash };
  const identity = {
    findActiveUserByUsername: vi.fn().mockResolvedValue(options.exists ? user : null),
    loadActor: vi.fn().mockResolvedValue(actor),
    createSession: vi.fn().mockResolvedValue(undefined),
  };
  const guard = {
    isLocked: vi.fn().mockResolvedValue(options.locked ?? false),
    recordFailure: vi.fn().mockResolvedValue({ locked: options.justLocked ?? false, justLocked: options.justLocked ?? false }),
    clear: vi.fn().mockResolvedValue(undefined),
  };
  const organisation = {
    transaction: vi.fn(async (work: (manager: unknown) => Promise<unknown>) => work({})),
    audit: vi.fn().mockResolvedValue(undefined),
  };
  const tokens = {
    newRefreshToken: vi.fn().mockReturnValue({ token: 'r', hash: 'h', expiresAt: new Date(Date.now() + 60_000) }),
    accessToken: vi.fn().mockResolvedValue({ token: 'a', expiresIn: 900 }),
  };
  const useCase = new SignInUseCase(
    identity as unknown as IdentityRepository,
    organisation as unknown as OrganisationRepository,
    guard as unknown as SignInGuardRepository,
    tokens as unknown as SessionTokens,
  );
  return { useCase, identity, guard, organisation };
}

/** argon2 is slow by design, more so on a busy machine. */
const SLOW = 60_000;

describe('SignInUseCase', () => {
  beforeAll(async () => {
    passwordHash = await argon2.hash(PASSWORD);
  }, SLOW);

  it('signs in with the right password and clears the failures', async () => {
    const { useCase, guard, identity } = setUp({ exists: true });
    await expect(useCase.execute('gx_x', PASSWORD)).resolves.toMatchObject({ accessToken: 'a', refreshToken: 'r', user: actor });
    expect(guard.clear).toHaveBeenCalledWith('gx_x');
    expect(guard.recordFailure).not.toHaveBeenCalled();
    expect(identity.createSession).toHaveBeenCalledOnce();
  }, SLOW);

  it('counts a wrong password and an unknown user alike, with the same error', async () => {
    for (const exists of [true, false]) {
      const { useCase, guard } = setUp({ exists });
      await expect(useCase.execute('gx_x', 'Wrong-Password-1')).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
      expect(guard.recordFailure).toHaveBeenCalledWith('gx_x');
    }
  }, SLOW);

  it('refuses a locked username even with the right password, without counting or signing in', async () => {
    const { useCase, guard, identity } = setUp({ exists: true, locked: true });
    await expect(useCase.execute('gx_x', PASSWORD)).rejects.toMatchObject({ code: 'AUTH.ACCOUNT_LOCKED' });
    expect(guard.recordFailure).not.toHaveBeenCalled();
    expect(identity.createSession).not.toHaveBeenCalled();
  }, SLOW);

  it('records the lock of a real user in the identity audit trail', async () => {
    const { useCase, organisation } = setUp({ exists: true, justLocked: true });
    await expect(useCase.execute('gx_x', 'Wrong-Password-1')).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    expect(organisation.audit).toHaveBeenCalledWith({}, expect.objectContaining({ action: 'user.locked', targetId: 'u1', agencyId: 'a1' }));
  }, SLOW);
});
