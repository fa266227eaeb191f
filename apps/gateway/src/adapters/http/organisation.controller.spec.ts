import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeUserRolesUseCase } from '../../use-cases/change-user-roles/change-user-roles.use-case.js';
import { CreateAgencyUseCase } from '../../use-cases/create-agency/create-agency.use-case.js';
import { CreateDepartmentUseCase } from '../../use-cases/create-department/create-department.use-case.js';
import { CreateUserUseCase } from '../../use-cases/create-user/create-user.use-case.js';
import { ImportUsersUseCase } from '../../use-cases/import-users/import-users.use-case.js';
import { ListAgenciesUseCase } from '../../use-cases/list-agencies/list-agencies.use-case.js';
import { ListDepartmentsUseCase } from '../../use-cases/list-departments/list-departments.use-case.js';
import { ListIdentityAuditUseCase } from '../../use-cases/list-identity-audit/list-identity-audit.use-case.js';
import { ListUsersUseCase } from '../../use-cases/list-users/list-users.use-case.js';
import { ResetPasswordUseCase } from '../../use-cases/reset-password/reset-password.use-case.js';
import { SetDeputyOversightUseCase } from '../../use-cases/set-deputy-oversight/set-deputy-oversight.use-case.js';
import { SetUserActiveUseCase } from '../../use-cases/set-user-active/set-user-active.use-case.js';
import { UnlockUserUseCase } from '../../use-cases/unlock-user/unlock-user.use-case.js';
import { IDS, USER_EXAMPLE } from './openapi/examples.js';
import { OrganisationController } from './organisation.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('OrganisationController', () => {
  let http: HttpTestApp;
  const admin = actorWith(['admin'], { departmentId: null });
  const users = { execute: vi.fn(async () => ({ items: [USER_EXAMPLE], nextCursor: null })), one: vi.fn(async () => USER_EXAMPLE) };
  const createUser = { execute: vi.fn(async () => USER_EXAMPLE) };
  const importUsers = { execute: vi.fn(async () => ({ imported: 1, users: [] })) };
  const roles = { execute: vi.fn(async () => USER_EXAMPLE) };
  const active = { execute: vi.fn(async () => USER_EXAMPLE) };
  const audit = { execute: vi.fn(async () => ({ items: [], nextCursor: null })) };
  const unused = { execute: vi.fn(async () => ({})) };

  beforeAll(async () => {
    http = await HttpTestApp.start(OrganisationController, {
      providers: [
        { provide: ListAgenciesUseCase, useValue: unused },
        { provide: CreateAgencyUseCase, useValue: { execute: vi.fn(async () => Promise.reject(new DomainError('IDENTITY.PLATFORM_ADMIN_REQUIRED'))) } },
        { provide: ListDepartmentsUseCase, useValue: unused },
        { provide: CreateDepartmentUseCase, useValue: unused },
        { provide: ListUsersUseCase, useValue: users },
        { provide: CreateUserUseCase, useValue: createUser },
        { provide: ImportUsersUseCase, useValue: importUsers },
        { provide: ChangeUserRolesUseCase, useValue: roles },
        { provide: SetDeputyOversightUseCase, useValue: unused },
        { provide: SetUserActiveUseCase, useValue: active },
        { provide: ResetPasswordUseCase, useValue: unused },
        { provide: UnlockUserUseCase, useValue: unused },
        { provide: ListIdentityAuditUseCase, useValue: audit },
      ],
    });
  });
  afterAll(() => http.close());

  it('lists users with the filter converted; booleans are true or false', async () => {
    expect((await http.request('GET', '/api/v1/users?locked=true&limit=20', { as: admin })).statusCode).toBe(200);
    expect(users.execute).toHaveBeenCalledWith(expect.objectContaining({ userId: admin.userId }), { locked: true, limit: 20 });
    expect((await http.request('GET', '/api/v1/users?locked=maybe', { as: admin })).statusCode).toBe(400);
    expect((await http.request('GET', `/api/v1/users/${IDS.drafter}`, { as: admin })).json()).toEqual(USER_EXAMPLE);
  });

  it('creates a user with defaults for what was not given', async () => {
    const body = { username: 'gx_li', displayName: '李明', password: 'Haidong-Gx-2026!' };
    expect((await http.request('POST', '/api/v1/users', { as: admin, body })).statusCode).toBe(201);
    expect(createUser.execute).toHaveBeenCalledWith(expect.anything(), { ...body, departmentId: null, roles: [], oversees: [] }, expect.any(String));
    const role = await http.request('POST', '/api/v1/users', { as: admin, body: { ...body, roles: ['king'] } });
    expect(role.json().details.errors).toEqual([expect.objectContaining({ field: 'roles.0' })]);
  });

  it('imports CSV sent as text/csv, refuses a body without it', async () => {
    const csv = 'username,display_name\ngx_li,李明\n';
    expect((await http.request('POST', '/api/v1/users/import', { as: admin, body: csv, headers: { 'content-type': 'text/csv' } })).statusCode).toBe(201);
    expect(importUsers.execute).toHaveBeenCalledWith(expect.anything(), csv, expect.any(String));
    expect((await http.request('POST', '/api/v1/users/import', { as: admin, body: {} })).json().code).toBe('REQUEST.INVALID');
  });

  it('grants roles and (de)activates users named in the path', async () => {
    expect((await http.request('POST', `/api/v1/users/${IDS.drafter}/roles`, { as: admin, body: { action: 'grant', role: 'publisher' } })).statusCode).toBe(200);
    expect(roles.execute).toHaveBeenCalledWith(expect.anything(), IDS.drafter, { action: 'grant', role: 'publisher' }, expect.any(String));
    expect((await http.request('POST', `/api/v1/users/${IDS.drafter}/deactivate`, { as: admin })).statusCode).toBe(200);
    expect(active.execute).toHaveBeenCalledWith(expect.anything(), IDS.drafter, false, expect.any(String));
    expect((await http.request('POST', '/api/v1/users/abc/activate', { as: admin })).statusCode).toBe(400);
  });

  it('answers a use case’s refusal; the audit trail pages by a numeric cursor', async () => {
    const agency = await http.request('POST', '/api/v1/agencies', { as: admin, body: { code: 'jy', name: '教育局', adminUsername: 'jy_admin', adminDisplayName: '管理员' } });
    expect(agency.statusCode).toBe(403);
    expect(agency.json().code).toBe('IDENTITY.PLATFORM_ADMIN_REQUIRED');
    const auditor = actorWith(['auditor'], { departmentId: null });
    expect((await http.request('GET', '/api/v1/identity-audit?cursor=42', { as: auditor })).statusCode).toBe(200);
    expect(audit.execute).toHaveBeenCalledWith(expect.anything(), { cursor: '42' }, expect.any(String));
    expect((await http.request('GET', '/api/v1/identity-audit?cursor=abc', { as: auditor })).statusCode).toBe(400);
  });
});
