import { DomainError } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { assertPasswordPolicy, assertRoleSet } from '../identity-rules.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  departmentId: string | null;
  password: string;
  roles: Role[];
  /** Departments a deputy oversees. */
  oversees: string[];
}

/** Every rule a new user must meet, for one create or one CSV line; throws the first DomainError. */
export function checkNewUser(input: NewUserInput, agencyDepartments: ReadonlySet<string>): void {
  if (input.departmentId !== null && !agencyDepartments.has(input.departmentId)) {
    throw new DomainError('IDENTITY.DEPARTMENT_NOT_FOUND', { departmentId: input.departmentId });
  }
  assertRoleSet(input.roles, input.departmentId);
  if (input.oversees.length > 0 && !input.roles.includes('deputy')) throw new DomainError('IDENTITY.NOT_DEPUTY');
  const unknown = input.oversees.find((id) => !agencyDepartments.has(id));
  if (unknown !== undefined) throw new DomainError('IDENTITY.DEPARTMENT_NOT_FOUND', { departmentId: unknown });
  assertPasswordPolicy(input.password, input.username);
}
