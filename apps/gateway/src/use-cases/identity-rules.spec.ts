import { describe, expect, it } from 'vitest';
import { ROLES } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { assertRoleSet, generatePassword, passwordProblems, roleSetProblems } from './identity-rules.js';

describe('password policy', () => {
  it.each([
    ['Haidong-2026!', 'gx_drafter', []],
    ['haidong-2026x', 'gx_drafter', []],
    ['Haidong20261', 'gx_drafter', []],
    ['Short-1a', 'gx_drafter', ['too_short']],
    ['haidongdigital', 'gx_drafter', ['too_few_classes']],
    ['haidong2026xx', 'gx_drafter', ['too_few_classes']],
    ['Xx-GX_DRAFTER-1', 'gx_drafter', ['contains_username']],
    ['abc', 'abc', ['too_short', 'too_few_classes', 'contains_username']],
  ] as const)('judges %s for %s', (password, username, expected) => {
    expect(passwordProblems(password, username)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units, and treats Chinese as a symbol class', () => {
    expect(passwordProblems('海东市工业和信息化局Ab12', 'u')).toEqual([]);
  });

  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 50; i += 1) expect(passwordProblems(generatePassword(), 'gx_drafter')).toEqual([]);
  });
});

describe('role sets (三员分立)', () => {
  const nonExclusive = ROLES.filter((role) => role !== 'admin' && role !== 'auditor');

  it.each(ROLES.flatMap((a) => ROLES.map((b) => [a, b] as [Role, Role])))('%s with %s', (a, b) => {
    const conflict = a !== b && (a === 'admin' || a === 'auditor' || b === 'admin' || b === 'auditor');
    expect(roleSetProblems([a, b], 'dept').includes('role_conflict')).toBe(conflict);
  });

  it('allows any combination of business roles', () => {
    expect(roleSetProblems(nonExclusive, 'dept')).toEqual([]);
  });

  it('requires a department for drafters and department heads only', () => {
    expect(roleSetProblems(['drafter'], null)).toEqual(['department_required']);
    expect(roleSetProblems(['dept_head'], null)).toEqual(['department_required']);
    expect(roleSetProblems(['deputy', 'principal', 'secrecy_officer', 'publisher'], null)).toEqual([]);
    expect(roleSetProblems(['admin'], null)).toEqual([]);
  });

  it('throws the stable codes', () => {
    expect(() => assertRoleSet(['admin', 'auditor'], null)).toThrow(expect.objectContaining({ code: 'IDENTITY.ROLE_CONFLICT' }));
    expect(() => assertRoleSet(['drafter'], null)).toThrow(expect.objectContaining({ code: 'IDENTITY.DEPARTMENT_REQUIRED' }));
  });
});
