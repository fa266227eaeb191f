import { Injectable } from '@nestjs/common';
import type { AgencyCatalogueRequest, ColumnListView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertOwnAgency, toColumnView } from '../catalogue/catalogue-access.js';

/** The agency's columns in their order, retired ones included (marked): any member of the agency reads them. */
@Injectable()
export class ListColumnsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: AgencyCatalogueRequest): Promise<ColumnListView> {
    assertOwnAgency(actor, request.agencyId);
    const rows = await this.dataSource.transaction((manager) => this.catalogue.columns(manager, request.agencyId));
    return { agencyId: request.agencyId, items: rows.map(toColumnView) };
  }
}
