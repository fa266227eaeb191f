import { useQuery } from '@tanstack/react-query';
import { auth } from '../api/session';
import type { Me, Role } from '../api/types';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: auth.me, staleTime: 60_000 });
}

export const hasRole = (me: Me | undefined, ...roles: Role[]): boolean => me !== undefined && roles.some((role) => me.roles.includes(role));

/** The three review levels' roles. */
export const REVIEWER_ROLES: Role[] = ['dept_head', 'deputy', 'principal'];
/** Everyone with a 待办 list. */
export const TASK_ROLES: Role[] = [...REVIEWER_ROLES, 'secrecy_officer', 'publisher'];
