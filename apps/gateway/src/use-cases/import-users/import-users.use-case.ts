import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkText, DomainError, ERROR_CATALOGUE, isRole, TEXT_VIOLATION_LABELS } from '@sanshen/kernel';
import type { Actor, Role } from '@sanshen/kernel';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { generatePassword, requireAdmin } from '../identity-rules.js';
import { recordIdentityAudit } from '../organisation-audit.js';
import { hashPassword } from '../create-user/create-user.use-case.js';
import { checkNewUser } from '../create-user/new-user.js';
import type { NewUserInput } from '../create-user/new-user.js';
import { parseCsv } from './csv.js';

export const IMPORT_MAX_ROWS = 2000;
const REQUIRED_COLUMNS = ['username', 'display_name'] as const;
const KNOWN_COLUMNS = ['username', 'display_name', 'department', 'roles', 'oversees', 'password'] as const;
const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

export interface ImportLineError {
  line: number;
  code: string;
  message: string;
  field?: string;
}

export interface ImportUsersResult {
  imported: number;
  users: { line: number; id: string; username: string; generatedPassword?: string }[];
}

/**
 * Imports users from CSV into the admin's agency, all or nothing. Header line with columns
 * `username, display_name, department, roles, oversees, password` (the first two required).
 * `department` and `oversees` name departments of the agency; `roles` and `oversees` separate
 * entries with `;`. An empty password gets a generated one, returned once in the result. Every line
 * is checked with the same rules as a single create; any error refuses the whole file and lists the
 * errors by line number.
 */
@Injectable()
export class ImportUsersUseCase {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, csv: string, correlationId: string): Promise<ImportUsersResult> {
    requireAdmin(actor);
    const parsed = parseCsv(csv);
    if ('unterminatedQuoteAt' in parsed) {
      throw invalid([{ line: parsed.unterminatedQuoteAt, code: 'CSV.UNTERMINATED_QUOTE', message: '引号未闭合' }]);
    }
    const [header, ...rows] = parsed.records;
    if (header === undefined) throw invalid([{ line: 1, code: 'CSV.EMPTY', message: '文件为空' }]);
    const columns = header.fields.map((name) => name.trim().toLowerCase());
    const headerErrors: ImportLineError[] = [];
    for (const required of REQUIRED_COLUMNS) {
      if (!columns.includes(required)) headerErrors.push({ line: header.line, code: 'CSV.MISSING_COLUMN', message: `缺少列 ${required}`, field: required });
    }
    for (const column of columns) {
      if (!(KNOWN_COLUMNS as readonly string[]).includes(column)) {
        headerErrors.push({ line: header.line, code: 'CSV.UNKNOWN_COLUMN', message: `未知的列 ${column}`, field: column });
      }
    }
    if (headerErrors.length > 0) throw invalid(headerErrors);
    if (rows.length === 0) throw invalid([{ line: header.line, code: 'CSV.NO_ROWS', message: '没有要导入的用户' }]);
    if (rows.length > IMPORT_MAX_ROWS) {
      throw invalid([{ line: rows[IMPORT_MAX_ROWS]?.line ?? 0, code: 'CSV.TOO_MANY_ROWS', message: `一次最多导入 ${IMPORT_MAX_ROWS} 个用户` }]);
    }

    const departments = await this.organisation.departments(actor.agencyId);
    const departmentByName = new Map(departments.map((department) => [department.name, department.id]));
    const departmentIds = new Set(departments.map((department) => department.id));
    const errors: ImportLineError[] = [];
    const accepted: { line: number; input: NewUserInput; generated: boolean }[] = [];
    const seen = new Map<string, number>();

    for (const row of rows) {
      const cell = (name: (typeof KNOWN_COLUMNS)[number]): string => {
        const index = columns.indexOf(name);
        return index === -1 ? '' : (row.fields[index] ?? '').trim().normalize('NFC');
      };
      const lineErrors: ImportLineError[] = [];
      const fail = (code: string, message: string, field?: string): void => {
        lineErrors.push({ line: row.line, code, message, ...(field ? { field } : {}) });
      };
      if (row.fields.length !== columns.length) fail('CSV.FIELD_COUNT', `应有 ${columns.length} 列，实有 ${row.fields.length} 列`);
      // The input policy on every cell: each is one line (a quoted cell could hold a line break).
      row.fields.forEach((value, index) => {
        const checked = checkText(value, 'single');
        if (!checked.ok) {
          const { kind, codePoint } = checked.error;
          fail('REQUEST.TEXT_INVALID', `含有不允许的${TEXT_VIOLATION_LABELS[kind]}（${codePoint}）`, columns[index] ?? `column ${index + 1}`);
        }
      });
      const username = cell('username');
      if (!USERNAME.test(username)) fail('REQUEST.INVALID', '用户名须为3至64位字母、数字、下划线、点或连字符', 'username');
      const earlier = seen.get(username);
      if (earlier !== undefined) fail('IDENTITY.USERNAME_TAKEN', `用户名与第 ${earlier} 行重复`, 'username');
      else seen.set(username, row.line);
      const displayName = cell('display_name');
      if (displayName === '' || displayName.length > 64) fail('REQUEST.INVALID', '姓名不能为空且不超过64个字符', 'display_name');
      const departmentName = cell('department');
      const departmentId = departmentName === '' ? null : (departmentByName.get(departmentName) ?? null);
      if (departmentName !== '' && departmentId === null) fail('IDENTITY.DEPARTMENT_NOT_FOUND', `本单位没有科室“${departmentName}”`, 'department');
      const roles: Role[] = [];
      for (const name of splitList(cell('roles'))) {
        if (isRole(name)) roles.push(name);
        else fail('REQUEST.INVALID', `未知的角色 ${name}`, 'roles');
      }
      const oversees: string[] = [];
      for (const name of splitList(cell('oversees'))) {
        const id = departmentByName.get(name);
        if (id === undefined) fail('IDENTITY.DEPARTMENT_NOT_FOUND', `本单位没有科室“${name}”`, 'oversees');
        else oversees.push(id);
      }
      const given = cell('password');
      const input: NewUserInput = { username, displayName, departmentId, roles, oversees, password: given === '' ? generatePassword() : given };
      if (lineErrors.length === 0) {
        try {
          checkNewUser(input, departmentIds);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          fail(error.code, error.message);
        }
      }
      errors.push(...lineErrors);
      if (lineErrors.length === 0) accepted.push({ line: row.line, input, generated: given === '' });
    }
    if (errors.length > 0) throw invalid(errors);

    const hashes = await Promise.all(accepted.map(({ input }) => hashPassword(input.password)));
    return this.organisation.transaction(async (manager) => {
      const taken = await this.organisation.existingUsernames(manager, accepted.map(({ input }) => input.username));
      const takenErrors = accepted
        .filter(({ input }) => taken.has(input.username))
        .map(({ line }) => ({ line, code: 'IDENTITY.USERNAME_TAKEN', message: ERROR_CATALOGUE['IDENTITY.USERNAME_TAKEN'].message, field: 'username' }));
      if (takenErrors.length > 0) throw invalid(takenErrors);
      const result: ImportUsersResult = { imported: 0, users: [] };
      for (const [index, { line, input, generated }] of accepted.entries()) {
        const id = randomUUID();
        const inserted = await this.organisation.insertUser(manager, {
          id,
          agencyId: actor.agencyId,
          departmentId: input.departmentId,
          username: input.username,
          displayName: input.displayName,
          passwordHash: hashes[index] ?? '',
        });
        if (!inserted) throw invalid([{ line, code: 'IDENTITY.USERNAME_TAKEN', message: ERROR_CATALOGUE['IDENTITY.USERNAME_TAKEN'].message, field: 'username' }]);
        for (const role of new Set(input.roles)) await this.organisation.grantRole(manager, id, role, actor.userId);
        await this.organisation.setOversight(manager, id, [...new Set(input.oversees)]);
        result.users.push({ line, id, username: input.username, ...(generated ? { generatedPassword: input.password } : {}) });
      }
      result.imported = result.users.length;
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'users.imported',
        targetType: 'user',
        targetId: null,
        details: { count: result.imported, usernames: result.users.map((user) => user.username) },
      });
      return result;
    });
  }
}

function splitList(value: string): string[] {
  return value
    .split(/[;；|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function invalid(errors: ImportLineError[]): DomainError {
  return new DomainError('IDENTITY.IMPORT_INVALID', { errors });
}
