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

  @Get('agencies')
  agencies(@Ctx() context: RequestContext): Promise<{ items: AgencyView[]; nextCursor: null }> {
    return this.listAgencies.execute(context.actor);
  }

  /** Platform administrators only: the agency and its first admin, whose one-time password is in the answer. */
  @Post('agencies')
  addAgency(@Ctx() context: RequestContext, @Body() dto: CreateAgencyDto): Promise<CreatedAgency> {
    return this.createAgency.execute({ actor: context.actor }, dto, context.correlationId);
  }

  @Get('departments')
  departments(@Ctx() context: RequestContext): Promise<{ items: DepartmentView[]; nextCursor: null }> {
    return this.listDepartments.execute(context.actor);
  }

  @Post('departments')
  addDepartment(@Ctx() context: RequestContext, @Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.createDepartment.execute(context.actor, dto, context.correlationId);
  }

  @Get('users')
  users(@Ctx() context: RequestContext, @Query() query: ListUsersQueryDto): Promise<{ items: UserView[]; nextCursor: string | null }> {
    return this.listUsers.execute(context.actor, query);
  }

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

  @Post('users/import')
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({ description: 'CSV text (text/csv), a multipart `file`, or JSON {csv}', schema: { type: 'string' } })
  async import(@Ctx() context: RequestContext, @Req() request: FastifyRequest, @Body() body: unknown): Promise<ImportUsersResult> {
    const csv = request.isMultipart() ? await uploadedCsv(request) : typeof body === 'string' ? body : (body as { csv?: unknown } | null)?.csv;
    if (typeof csv !== 'string') throw new DomainError('REQUEST.INVALID', { expected: 'text/csv body or JSON {csv}' });
    return this.importUsers.execute(context.actor, csv, context.correlationId);
  }

  @Get('users/:id')
  user(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.listUsers.one(context.actor, id);
  }

  @Post('users/:id/roles')
  @HttpCode(200)
  roles(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: ChangeRolesDto): Promise<UserView> {
    return this.changeRoles.execute(context.actor, id, dto, context.correlationId);
  }

  @Post('users/:id/oversight')
  @HttpCode(200)
  oversight(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: OversightDto): Promise<UserView> {
    return this.setOversight.execute(context.actor, id, dto, context.correlationId);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  deactivate(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.setActive.execute(context.actor, id, false, context.correlationId);
  }

  @Post('users/:id/activate')
  @HttpCode(200)
  activate(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.setActive.execute(context.actor, id, true, context.correlationId);
  }

  @Post('users/:id/password')
  @HttpCode(204)
  async password(@Ctx() context: RequestContext, @Param('id', uuid) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.resetPassword.execute(context.actor, id, dto, context.correlationId);
  }

  @Post('users/:id/unlock')
  @HttpCode(200)
  unlock(@Ctx() context: RequestContext, @Param('id', uuid) id: string): Promise<UserView> {
    return this.unlockUser.execute(context.actor, id, context.correlationId);
  }

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
