import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@sanshen/kernel';
import type { FastifyRequest } from 'fastify';
import type { AgencyView, DepartmentView, IdentityAuditRecord, UserView } from '../../persistence/organisation.repository.js';
import { ChangeUserRolesUseCase } from '../../use-cases/change-user-roles/change-user-roles.use-case.js';
import { CreateAgencyUseCase } from '../../use-cases/create-agency/create-agency.use-case.js';
import type { CreatedAgency } from '../../use-cases/create-agency/create-agency.use-case.js';
import { CreateDepartmentUseCase } from '../../use-cases/create-department/create-department.use-case.js';
import { CreateUserUseCase } from '../../use-cases/create-user/create-user.use-case.js';
import { ImportUsersUseCase } from '../../use-cases/import-users/import-users.use-case.js';
import type { ImportUsersResult } from '../../use-cases/import-users/import-users.use-case.js';
import { ListAgenciesUseCase } from '../../use-cases/list-agencies/list-agencies.use-case.js';
import { ListDepartmentsUseCase } from '../../use-cases/list-departments/list-departments.use-case.js';
import { ListIdentityAuditUseCase } from '../../use-cases/list-identity-audit/list-identity-audit.use-case.js';
import { ListUsersUseCase } from '../../use-cases/list-users/list-users.use-case.js';
import { ResetPasswordUseCase } from '../../use-cases/reset-password/reset-password.use-case.js';
import { SetDeputyOversightUseCase } from '../../use-cases/set-deputy-oversight/set-deputy-oversight.use-case.js';
import { SetUserActiveUseCase } from '../../use-cases/set-user-active/set-user-active.use-case.js';
import { UnlockUserUseCase } from '../../use-cases/unlock-user/unlock-user.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS, USER_EXAMPLE } from './openapi/examples.js';

const USER_ERRORS = ['AUTH.FORBIDDEN', 'IDENTITY.USER_NOT_FOUND'] as const;
import {
  AuditPageQueryDto,
  ChangeRolesDto,
  CreateAgencyDto,
  CreateDepartmentDto,
  CreateUserDto,
  ListUsersQueryDto,
  OversightDto,
  ResetPasswordDto,
} from './dto/organisation.dto.js';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Organisation management (admin, own agency) and the identity audit trail (auditor). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganisationController {
  constructor(
    private readonly listAgencies: ListAgenciesUseCase,
    private readonly createAgency: CreateAgencyUseCase,
    private readonly listDepartments: ListDepartmentsUseCase,
    private readonly createDepartment: CreateDepartmentUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly createUser: CreateUserUseCase,
    private readonly importUsers: ImportUsersUseCase,
    private readonly changeRoles: ChangeUserRolesUseCase,
    private readonly setOversight: SetDeputyOversightUseCase,
    private readonly setActive: SetUserActiveUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
    private readonly unlockUser: UnlockUserUseCase,
    private readonly listIdentityAudit: ListIdentityAuditUseCase,
  ) {}

  @ApiRoute({
    summary: '本单位信息',
    description: '系统管理员查看本单位（机关）的信息。',
    answer: { json: { items: [{ id: IDS.agency, code: 'gx', name: '海东市工业和信息化局' }], nextCursor: null } },
    errors: ['AUTH.FORBIDDEN'],
  })
  @Get('agencies')
  agencies(@Ctx() context: RequestContext): Promise<{ items: AgencyView[]; nextCursor: null }> {
    return this.listAgencies.execute(context.actor);
  }

  /** Platform administrators only: the agency and its first admin, whose one-time password is in the answer. */
  @ApiRoute({
    summary: '新建机关',
    description: '平台级管理员新建一个机关及其首位系统管理员；应答中的一次性密码只出现这一次，首次登录后须修改。',
    answer: { json: { agency: { id: IDS.agency, code: 'gx', name: '海东市工业和信息化局' }, admin: { id: IDS.reviewer, username: 'gx_admin', displayName: '系统管理员', oneTimePassword: 'Xq7-…-k2P' } } },
    errors: ['IDENTITY.PLATFORM_ADMIN_REQUIRED', 'IDENTITY.AGENCY_CODE_TAKEN', 'IDENTITY.AGENCY_CODE_INVALID', 'IDENTITY.USERNAME_INVALID', 'IDENTITY.USERNAME_TAKEN'],
  })
  @Post('agencies')
  addAgency(@Ctx() context: RequestContext, @Body() dto: CreateAgencyDto): Promise<CreatedAgency> {
    return this.createAgency.execute({ actor: context.actor }, dto, context.correlationId);
  }

  @ApiRoute({
    summary: '科室列表',
    description: '系统管理员查看本单位的科室。',
    answer: { json: { items: [{ id: IDS.department, agencyId: IDS.agency, name: '政策法规科' }], nextCursor: null } },
    errors: ['AUTH.FORBIDDEN'],
  })
  @Get('departments')
  departments(@Ctx() context: RequestContext): Promise<{ items: DepartmentView[]; nextCursor: null }> {
    return this.listDepartments.execute(context.actor);
  }

  @ApiRoute({
    summary: '新建科室',
    description: '系统管理员在本单位新建科室（名称在本单位内唯一）。',
    answer: { json: { id: IDS.department, agencyId: IDS.agency, name: '政策法规科' } },
    errors: ['AUTH.FORBIDDEN', 'IDENTITY.DEPARTMENT_EXISTS'],
  })
  @Post('departments')
  addDepartment(@Ctx() context: RequestContext, @Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.createDepartment.execute(context.actor, dto, context.correlationId);
  }

  @ApiRoute({
    summary: '用户列表',
    description: '系统管理员查看本单位的用户（可按是否锁定、是否启用、科室筛选），分页。',
    answer: { json: { items: [USER_EXAMPLE], nextCursor: null } },
    errors: ['AUTH.FORBIDDEN'],
  })
  @Get('users')
  users(@Ctx() context: RequestContext, @Query() query: ListUsersQueryDto): Promise<{ items: UserView[]; nextCursor: string | null }> {
    return this.listUsers.execute(context.actor, query);
  }

  @ApiRoute({
    summary: '新建用户',
    description: '系统管理员在本单位新建用户：初始密码须符合密码规则；角色须符合三员分立（系统管理员、安全审计员不兼任其他角色），起草、审核类角色须隶属科室。',
    answer: { json: USER_EXAMPLE },
    errors: ['AUTH.FORBIDDEN', 'IDENTITY.USERNAME_INVALID', 'IDENTITY.USERNAME_TAKEN', 'IDENTITY.PASSWORD_POLICY', 'IDENTITY.ROLE_CONFLICT', 'IDENTITY.DEPARTMENT_REQUIRED', 'IDENTITY.DEPARTMENT_NOT_FOUND', 'IDENTITY.NOT_DEPUTY'],
  })
  @Post('users')
  addUser(@Ctx() context: RequestContext, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.createUser.execute(
      context.actor,
      {
        username: dto.username,
        displayName: dto.displayName,
        departmentId: dto.departmentId ?? null,
        password: dto.password,
        roles: dto.roles ?? [],
        oversees: dto.oversees ?? [],
      },
      context.correlationId,
    );
  }

  @ApiRoute({
    summary: '批量导入用户',
    description:
      '系统管理员以 CSV 批量导入用户（text/csv 正文、multipart 的 file 或 JSON {csv}）；列为 username, display_name, department, roles, oversees, password。全部成功才导入：有错误时一个也不导入，错误逐行列在 details.errors 中。',
    answer: { json: { imported: 1, users: [{ line: 2, id: IDS.drafter, username: 'gx_li', generatedPassword: 'Hq4-…-m9T' }] } },
    errors: ['AUTH.FORBIDDEN', 'IDENTITY.IMPORT_INVALID'],
  })
  @Post('users/import')
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({
    description: 'CSV 文本（text/csv）、multipart 的 file，或 JSON {csv}',
    schema: { type: 'string', example: 'username,display_name,department,roles,oversees,password\ngx_li,李明,政策法规科,drafter,,\n' },
  })
  async import(@Ctx() context: RequestContext, @Req() request: FastifyRequest, @Body() body: unknown): Promise<ImportUsersResult> {
    const csv = request.isMultipart() ? await uploadedCsv(request) : typeof body === 'string' ? body : (body as { csv?: unknown } | null)?.csv;
    if (typeof csv !== 'string') throw new DomainError('REQUEST.INVALID', { expected: 'text/csv body or JSON {csv}' });
    return this.importUsers.execute(context.actor, csv, context.correlationId);
  }

  @ApiRoute({
    summary: '查看用户',
    description: '系统管理员查看本单位的一个用户。',
    answer: { json: USER_EXAMPLE },
    errors: USER_ERRORS,
  })
  @Get('users/:id')
  user(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.listUsers.one(context.actor, id);
  }

  @ApiRoute({
    summary: '授予或撤销角色',
    description: '系统管理员授予（grant）或撤销（revoke）用户的一个角色；不能改变本人的角色，须符合三员分立。',
    answer: { json: USER_EXAMPLE },
    errors: [...USER_ERRORS, 'IDENTITY.SELF_ROLE_CHANGE', 'IDENTITY.ROLE_CONFLICT', 'IDENTITY.DEPARTMENT_REQUIRED'],
  })
  @Post('users/:id/roles')
  @HttpCode(200)
  roles(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: ChangeRolesDto): Promise<UserView> {
    return this.changeRoles.execute(context.actor, id, dto, context.correlationId);
  }

  @ApiRoute({
    summary: '设置分管科室',
    description: '系统管理员设置分管领导分管的科室（整体替换）。',
    answer: { json: { ...USER_EXAMPLE, roles: ['deputy'], oversees: [IDS.department] } },
    errors: [...USER_ERRORS, 'IDENTITY.NOT_DEPUTY', 'IDENTITY.DEPARTMENT_NOT_FOUND'],
  })
  @Post('users/:id/oversight')
  @HttpCode(200)
  oversight(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: OversightDto): Promise<UserView> {
    return this.setOversight.execute(context.actor, id, dto, context.correlationId);
  }

  @ApiRoute({
    summary: '停用用户',
    description: '系统管理员停用用户：其会话全部结束，之后不能登录；不能停用本人。',
    answer: { json: { ...USER_EXAMPLE, active: false } },
    errors: [...USER_ERRORS, 'IDENTITY.SELF_ACTION'],
  })
  @Post('users/:id/deactivate')
  @HttpCode(200)
  deactivate(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.setActive.execute(context.actor, id, false, context.correlationId);
  }

  @ApiRoute({
    summary: '启用用户',
    description: '系统管理员重新启用被停用的用户。',
    answer: { json: USER_EXAMPLE },
    errors: [...USER_ERRORS, 'IDENTITY.SELF_ACTION'],
  })
  @Post('users/:id/activate')
  @HttpCode(200)
  activate(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.setActive.execute(context.actor, id, true, context.correlationId);
  }

  @ApiRoute({
    summary: '重置密码',
    description: '系统管理员按密码规则重置用户的密码；该用户的会话全部结束。',
    answer: { empty: true },
    errors: [...USER_ERRORS, 'IDENTITY.PASSWORD_POLICY', 'IDENTITY.SELF_ACTION'],
  })
  @Post('users/:id/password')
  @HttpCode(204)
  async password(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.resetPassword.execute(context.actor, id, dto, context.correlationId);
  }

  @ApiRoute({
    summary: '解除锁定',
    description: '系统管理员解除用户因多次登录失败而被锁定的状态。',
    answer: { json: USER_EXAMPLE },
    errors: USER_ERRORS,
  })
  @Post('users/:id/unlock')
  @HttpCode(200)
  unlock(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.unlockUser.execute(context.actor, id, context.correlationId);
  }

  @ApiRoute({
    summary: '组织与账户审计',
    description: '安全审计员查看谁在何时对机关、科室、用户、角色做了什么（最新在前），分页。',
    answer: {
      json: {
        items: [
          { id: '1024', at: '2026-12-06T09:30:00.000Z', agencyId: IDS.agency, actorUserId: IDS.reviewer, actorName: '系统管理员', actorRoles: ['admin'], action: 'user.created', targetType: 'user', targetId: IDS.drafter, details: { username: 'gx_li' } },
        ],
        nextCursor: null,
      },
    },
    errors: ['AUTH.FORBIDDEN'],
  })
  @Get('identity-audit')
  identityAudit(
    @Ctx() context: RequestContext,
    @Query() query: AuditPageQueryDto,
  ): Promise<{ items: IdentityAuditRecord[]; nextCursor: string | null }> {
    return this.listIdentityAudit.execute(context.actor, query, context.correlationId);
  }
}

async function uploadedCsv(request: FastifyRequest): Promise<string> {
  const part = await request.file();
  if (part === undefined) throw new DomainError('REQUEST.INVALID', { expected: 'multipart field `file`' });
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new DomainError('REQUEST.TOO_LARGE');
  return bytes.toString('utf8');
}
