import { describe, expect, it } from 'vitest';
import { signedAs } from '@sanshen/kernel';
import { reviewCapacities } from './reviewer-capacity.js';

const AGENCY = 'a-1';
const DOC = { agencyId: AGENCY, departmentId: 'd-1' };
const head = { agencyId: AGENCY, departmentId: 'd-1', oversees: [], roles: ['dept_head' as const] };
const publisher = { agencyId: AGENCY, departmentId: 'd-2', oversees: [], roles: ['publisher' as const] };
const headDuty = { agencyId: AGENCY, fromUserId: 'u-head', fromName: '李科长', roles: ['dept_head' as const], departmentId: 'd-1', oversees: [] };

describe('reviewCapacities', () => {
  it('gives a head level 1 of their own department, and nothing for another department', () => {
    expect(reviewCapacities(head, [], DOC)).toEqual([{ level: 1, onBehalfOf: null, scope: head }]);
    expect(reviewCapacities(head, [], { ...DOC, departmentId: 'd-9' })).toEqual([]);
  });

  it('gives a delegate the delegator’s level and scope, marked with whom they stand in for', () => {
    expect(reviewCapacities(publisher, [headDuty], DOC)).toMatchObject([
      { level: 1, onBehalfOf: { userId: 'u-head', displayName: '李科长' }, scope: { departmentId: 'd-1' } },
    ]);
    expect(reviewCapacities(publisher, [headDuty], { ...DOC, departmentId: 'd-2' })).toEqual([]);
  });

  it('ignores a delegation from another agency', () => {
    expect(reviewCapacities(publisher, [{ ...headDuty, agencyId: 'a-2' }], DOC)).toEqual([]);
  });

  it('prefers the caller’s own duty over a delegation of the same level', () => {
    expect(reviewCapacities(head, [headDuty], DOC)).toEqual([{ level: 1, onBehalfOf: null, scope: head }]);
  });
});

describe('signedAs', () => {
  it('reads "X 代 Y" under a delegation', () => {
    expect(signedAs('周发布员', '李科长')).toBe('周发布员 代 李科长');
    expect(signedAs('李科长', null)).toBe('李科长');
  });
});
