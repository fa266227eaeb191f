import type { ColumnView } from '@sanshen/contracts';
import { ANNUAL_REPORT_COLUMN_CODE, DomainError } from '@sanshen/kernel';
import type { Actor, CatalogueRuleError, Result } from '@sanshen/kernel';
import type { ColumnRow } from '../../persistence/catalogue.repository.js';

/** Another agency's catalogue does not exist for the caller (404), whoever they are. */
export function assertOwnAgency(actor: Actor, agencyId: string): void {
  if (actor.agencyId !== agencyId) throw new DomainError('CATALOGUE.AGENCY_NOT_FOUND', { agencyId });
}

/** Columns and settings change only by the agency's own administrator. */
export function assertAgencyAdmin(actor: Actor, agencyId: string): void {
  assertOwnAgency(actor, agencyId);
  if (!actor.roles.includes('admin')) throw new DomainError('CATALOGUE.ADMIN_ONLY');
}

/** A rule's value, or its refusal as the catalogue's error (details name the field and problem). */
export function valueOrRefuse<T>(result: Result<T, CatalogueRuleError>): T {
  if (result.ok) return result.value;
  const { code, ...details } = result.error;
  throw new DomainError(code, details);
}

export function toColumnView(row: ColumnRow): ColumnView {
  return {
    code: row.code,
    name: row.name,
    position: row.position,
    retired: row.retiredAt !== null,
    retiredAt: row.retiredAt === null ? null : new Date(row.retiredAt).toISOString(),
    forAnnualReports: row.code === ANNUAL_REPORT_COLUMN_CODE,
  };
}

/** A unique violation of (agency, code) or (agency, name). */
export const isUniqueViolation = (error: unknown): boolean => (error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505' || (error as { code?: string }).code === '23505';
