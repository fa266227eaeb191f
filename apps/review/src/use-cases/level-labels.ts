import type { ReviewLevel } from '@sanshen/contracts';

/** What each review level is called on screens and on the approval sheet. */
export const LEVEL_LABELS = {
  1: '科室负责人审核（一审）',
  2: '分管领导审核（二审）',
  3: '主要领导审定（三审）',
} as const satisfies Record<ReviewLevel, string>;
