import { Injectable } from '@nestjs/common';
import type { ColumnView, CreateColumnRequest } from '@sanshen/contracts';
import { checkColumnCode, checkColumnName, DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertAgencyAdmin, isUniqueViolation, toColumnView, valueOrRefuse } from '../catalogue/catalogue-access.js';

/** The agency's administrator adds a column (code and name unique in the agency), last in the order. */
@Injectable()
export class CreateColumnUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: CreateColumnRequest): Promise<ColumnView> {
    assertAgencyAdmin(actor, request.agencyId);
    const code = valueOrRefuse(checkColumnCode(request.code));
    const name = valueOrRefuse(checkColumnName(request.name));
    try {
      const row = await this.dataSource.transaction(async (manager) => {
        await this.catalogue.lockAgency(manager, request.agencyId);
        await this.catalogue.insertColumn(manager, request.agencyId, code, name);
        return this.catalogue.column(manager, request.agencyId, code);
      });
      if (row === null) throw new Error('created column not found');
      return toColumnView(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CATALOGUE.COLUMN_EXISTS', { code, name });
      throw error;
    }
  }
}
