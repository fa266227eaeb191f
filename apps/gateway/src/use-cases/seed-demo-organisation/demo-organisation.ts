import type { Role } from '@sanshen/kernel';

/** The demo agencies: three 海东市 agencies, as in the reference reports. Usernames are `<code>_<role>`. */
export interface DemoAgency {
  code: string;
  name: string;
  departments: string[];
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { code: 'gx', name: '海东市工业和信息化局', departments: ['办公室', '产业发展科', '信息化推进科'] },
  { code: 'zw', name: '海东市政务服务监督管理局', departments: ['办公室', '政务公开科', '审批服务科'] },
  { code: 'pp', name: '海东市地方品牌产业培育促进局', departments: ['办公室', '品牌培育科'] },
];

export interface DemoUser {
  role: Role;
  displayName: string;
  /** Index into the agency's departments, or null for agency-wide roles. */
  department: number | null;
  /** Departments a deputy oversees (indexes). */
  oversees?: number[];
}

/** One user per role in every demo agency; the drafter and the head share the first department. */
export const DEMO_USERS: readonly DemoUser[] = [
  { role: 'drafter', displayName: '张信息员', department: 0 },
  { role: 'dept_head', displayName: '李科长', department: 0 },
  { role: 'deputy', displayName: '王副局长', department: null, oversees: [0, 1] },
  { role: 'principal', displayName: '赵局长', department: null },
  { role: 'secrecy_officer', displayName: '孙保密员', department: 0 },
  { role: 'publisher', displayName: '周发布员', department: 0 },
  { role: 'admin', displayName: '吴管理员', department: null },
  { role: 'auditor', displayName: '郑审计员', department: null },
];

export function demoUsername(agencyCode: string, role: Role): string {
  return `${agencyCode}_${role}`;
}
