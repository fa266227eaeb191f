/** Role ids as granted by the gateway's identity model (ARCHITECTURE.md "Who uses it"). */
export const ROLES = [
  'drafter',
  'dept_head',
  'deputy',
  'principal',
  'secrecy_officer',
  'publisher',
  'admin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  drafter: '起草人',
  dept_head: '科室负责人',
  deputy: '分管领导',
  principal: '主要领导',
  secrecy_officer: '保密审查员',
  publisher: '发布管理员',
  admin: '系统管理员',
  auditor: '安全审计员',
} as const satisfies Record<Role, string>;

/**
 * The platform operator's role: onboards agencies (POST /api/v1/agencies). Not an agency role: it is
 * not in ROLES, an agency's admin cannot grant it, and its holders belong to no agency.
 */
export const PLATFORM_ADMIN_ROLE = 'platform_admin';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
