import { Injectable } from '@nestjs/common';
import type { ColumnView, UpdateColumnRequest } from '@sanshen/contracts';
import { ANNUAL_REPORT_COLUMN_CODE, checkColumnName, DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertAgencyAdmin, isUniqueViolation, toColumnView, valueOrRefuse } from '../catalogue/catalogue-access.js';

/**
 * The agency's administrator renames a column, retires it or brings it back. The code never changes:
 * articles and published pages refer to it. A retired column keeps its pages; no new draft may choose it.
 */
@Injectable()
export class UpdateColumnUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: UpdateColumnRequest): Promise<ColumnView> {
    assertAgencyAdmin(actor, request.agencyId);
    const name = request.name === undefined ? undefined : valueOrRefuse(checkColumnName(request.name));
    if (request.retired === true && request.code === ANNUAL_REPORT_COLUMN_CODE) throw new DomainError('CATALOGUE.COLUMN_RESERVED', { column: request.code });
    try {
      const row = await this.dataSource.transaction(async (manager) => {
        await this.catalogue.lockAgency(manager, request.agencyId);
        if ((await this.catalogue.column(manager, request.agencyId, request.code)) === null) throw new DomainError('CATALOGUE.COLUMN_NOT_FOUND', { column: request.code });
        await this.catalogue.updateColumn(manager, request.agencyId, request.code, { ...(name !== undefined ? { name } : {}), ...(request.retired !== undefined ? { retired: request.retired } : {}) });
        return this.catalogue.column(manager, request.agencyId, request.code);
      });
      if (row === null) throw new Error('updated column not found');
      return toColumnView(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CATALOGUE.COLUMN_EXISTS', { name });
      throw error;
    }
  }
}
