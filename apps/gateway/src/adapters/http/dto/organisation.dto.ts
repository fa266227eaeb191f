import { ROLES } from '@sanshen/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN, USERNAME_PATTERN } from '../../../use-cases/identity-rules.js';
import { id, orNull, queryBoolean, queryInt, text } from './fields.js';
import { PAGE_QUERY } from './page-query.dto.js';

const USERNAME = z.string().regex(USERNAME_PATTERN, '须为 3–64 位字母、数字或 _ . -');
const PASSWORD = text(256);

export class CreateAgencyDto extends createZodDto(
  z
    .strictObject({
      code: z.string().regex(AGENCY_CODE_PATTERN, '须为小写字母开头的字母、数字、_ 或 -，至多 32 位').describe('机关代码'),
      name: text(100).describe('机关名称'),
      adminUsername: USERNAME.describe('首位系统管理员的用户名'),
      adminDisplayName: text(64).describe('首位系统管理员的姓名'),
    })
    .meta({ example: { code: 'gx', name: '海东市工业和信息化局', adminUsername: 'gx_admin', adminDisplayName: '系统管理员' } }),
) {}

export class CreateDepartmentDto extends createZodDto(
  z.strictObject({ name: text(64).describe('科室名称') }).meta({ example: { name: '政策法规科' } }),
) {}

const DEPARTMENT_IDS = z.array(id()).max(200);

export class CreateUserDto extends createZodDto(
  z
    .strictObject({
      username: USERNAME.describe('用户名'),
      displayName: text(64).describe('姓名'),
      departmentId: orNull(id(), 'string').optional().describe('所属科室'),
      password: PASSWORD.describe('初始密码：至少 12 位，包含四类字符中的三类，不含用户名'),
      roles: z.array(z.enum(ROLES)).max(ROLES.length).optional().describe('角色'),
      oversees: DEPARTMENT_IDS.optional().describe('分管领导分管的科室'),
    })
    .meta({ example: { username: 'gx_li', displayName: '李明', departmentId: null, password: 'Haidong-Gx-2026!', roles: ['publisher'] } }),
) {}

export class ListUsersQueryDto extends createZodDto(
  z.strictObject({
    locked: queryBoolean().optional().describe('true 只列被锁定的用户 / false 只列未锁定的用户'),
    active: queryBoolean().optional().describe('true 只列启用的用户 / false 只列停用的用户'),
    departmentId: id().optional().describe('按科室筛选'),
    limit: queryInt(1, 200).optional().describe('每页条数（1–200）'),
    cursor: text(64).optional().describe('上一页返回的 nextCursor'),
  }),
) {}

export class ChangeRolesDto extends createZodDto(
  z
    .strictObject({ action: z.enum(['grant', 'revoke']).describe('grant 授予 / revoke 撤销'), role: z.enum(ROLES).describe('角色') })
    .meta({ example: { action: 'grant', role: 'publisher' } }),
) {}

export class OversightDto extends createZodDto(
  z.strictObject({ departmentIds: DEPARTMENT_IDS.describe('分管的科室') }).meta({ example: { departmentIds: ['0f6e2a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b'] } }),
) {}

export class ResetPasswordDto extends createZodDto(
  z.strictObject({ password: PASSWORD.describe('新密码（须符合密码规则）') }).meta({ example: { password: 'Reset-Pass-2026!' } }),
) {}

export class ChangeOwnPasswordDto extends createZodDto(
  z
    .strictObject({ oldPassword: PASSWORD.describe('原密码'), newPassword: PASSWORD.describe('新密码（须符合密码规则）') })
    .meta({ example: { oldPassword: 'One-Time-Pass-1!', newPassword: 'My-Own-Pass-2026!' } }),
) {}

/** The identity audit trail pages by entry id. */
export class AuditPageQueryDto extends createZodDto(
  z.strictObject({ ...PAGE_QUERY, cursor: z.string().regex(/^[0-9]{1,19}$/, '须为数字').optional().describe('上一页返回的 nextCursor') }),
) {}
