import { Injectable } from '@nestjs/common';
import type { ColumnListView, ReorderColumnsRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertAgencyAdmin, toColumnView } from '../catalogue/catalogue-access.js';

/** The agency's administrator sets the order of all its columns at once (the portal's and the picker's order). */
@Injectable()
export class ReorderColumnsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: ReorderColumnsRequest): Promise<ColumnListView> {
    assertAgencyAdmin(actor, request.agencyId);
    const rows = await this.dataSource.transaction(async (manager) => {
      await this.catalogue.lockAgency(manager, request.agencyId);
      const current = (await this.catalogue.columns(manager, request.agencyId)).map((column) => column.code);
      const given = new Set(request.codes);
      if (given.size !== request.codes.length || given.size !== current.length || current.some((code) => !given.has(code))) {
        throw new DomainError('CATALOGUE.ORDER_INVALID', { expected: current });
      }
      await this.catalogue.reorder(manager, request.agencyId, request.codes);
      return this.catalogue.columns(manager, request.agencyId);
    });
    return { agencyId: request.agencyId, items: rows.map(toColumnView) };
  }
}
