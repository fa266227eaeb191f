import { randomInt } from 'node:crypto';
import { DomainError } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';

/** Password policy (等保): at least 12 characters, 3 of 4 character classes, not containing the username. */
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username';

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) problems.push('too_few_classes');
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new DomainError('IDENTITY.PASSWORD_POLICY', { problems });
}

/** Usernames: 3–64 letters, digits, `_`, `.`, `-` (the API's DTOs and the command line alike). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,64}$/;

export function assertUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) throw new DomainError('IDENTITY.USERNAME_INVALID', { username });
}

/** Agency codes (机关代码, e.g. `gx`): lowercase, starting with a letter, at most 32 characters. */
export const AGENCY_CODE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

export function assertAgencyCode(code: string): void {
  if (!AGENCY_CODE_PATTERN.test(code)) throw new DomainError('IDENTITY.AGENCY_CODE_INVALID', { code });
}

/** A one-time password for a new account: random, within the policy for that username. */
export function oneTimePasswordFor(username: string): string {
  for (;;) {
    const password = generatePassword();
    if (passwordProblems(password, username).length === 0) return password;
  }
}

/** A random password that satisfies the policy (CSV import without a password column value). */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!@#%+='];
  const all = sets.join('');
  const chars = sets.map((set) => set[randomInt(set.length)] ?? 'x');
  while (chars.length < 16) chars.push(all[randomInt(all.length)] ?? 'x');
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? 'x', chars[i] ?? 'x'];
  }
  return chars.join('');
}

/**
 * 三员分立 as enforced here: `admin` and `auditor` are each exclusive — a user who holds one of them
 * holds no other role (so never admin with auditor, nor either with a reviewing role such as
 * dept_head, deputy, principal or secrecy_officer, nor with drafter or publisher).
 */
export const EXCLUSIVE_ROLES: readonly Role[] = ['admin', 'auditor'];

/** Roles that act for one department: the user must belong to one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['drafter', 'dept_head'];

export type RoleSetProblem = 'role_conflict' | 'department_required';

export function roleSetProblems(roles: readonly Role[], departmentId: string | null): RoleSetProblem[] {
  const problems: RoleSetProblem[] = [];
  const distinct = new Set(roles);
  if (distinct.size > 1 && [...distinct].some((role) => EXCLUSIVE_ROLES.includes(role))) problems.push('role_conflict');
  if (departmentId === null && [...distinct].some((role) => DEPARTMENT_ROLES.includes(role))) problems.push('department_required');
  return problems;
}

export function assertRoleSet(roles: readonly Role[], departmentId: string | null): void {
  const [problem] = roleSetProblems(roles, departmentId);
  if (problem === 'role_conflict') throw new DomainError('IDENTITY.ROLE_CONFLICT', { roles: [...new Set(roles)] });
  if (problem === 'department_required') throw new DomainError('IDENTITY.DEPARTMENT_REQUIRED', { roles: [...new Set(roles)] });
}

/** Organisation management is the admin's, for their own agency only (agencies are the platform administrator's). */
export function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN', { required: 'admin' });
}

/** The identity audit trail is the auditor's to read (三员分立: not the admin's). */
export function requireAuditor(actor: Actor): void {
  if (!actor.roles.includes('auditor')) throw new DomainError('AUTH.FORBIDDEN', { required: 'auditor' });
}
