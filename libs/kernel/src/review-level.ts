/** The three review levels of 三审: 科室负责人, 分管领导, 主要领导. */
export type ReviewLevel = 1 | 2 | 3;

/** What each review level is called on screens, in notices and on the approval sheet. */
export const LEVEL_LABELS = {
  1: '科室负责人审核（一审）',
  2: '分管领导审核（二审）',
  3: '主要领导审定（三审）',
} as const satisfies Record<ReviewLevel, string>;
