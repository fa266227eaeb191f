import { Injectable } from '@nestjs/common';
import type { AgencyCatalogueRequest, CatalogueSettingsView } from '@sanshen/contracts';
import { beijingDate, DEFAULT_COLUMNS, formatIndexNumber, OPENNESS } from '@sanshen/kernel';
import type { Actor, CatalogueSettings } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertOwnAgency } from '../catalogue/catalogue-access.js';

/** The agency's 公开目录 settings: any member reads them (the editor offers the 主题分类 list). */
@Injectable()
export class ShowCatalogueSettingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: AgencyCatalogueRequest): Promise<CatalogueSettingsView> {
    assertOwnAgency(actor, request.agencyId);
    const settings = await this.dataSource.transaction((manager) => this.catalogue.settings(manager, request.agencyId));
    return catalogueSettingsView(request.agencyId, settings, new Date());
  }
}

export function catalogueSettingsView(agencyId: string, settings: CatalogueSettings & { updatedAt: Date }, now: Date): CatalogueSettingsView {
  const year = Number(beijingDate(now).slice(0, 4));
  return {
    agencyId,
    agencyCode: settings.agencyCode,
    indexPattern: settings.indexPattern,
    topics: settings.topics,
    openness: OPENNESS,
    example: formatIndexNumber(settings.indexPattern, { agency: settings.agencyCode, column: DEFAULT_COLUMNS[0]?.code ?? 'gzdt', year, serial: 1 }),
    updatedAt: new Date(settings.updatedAt).toISOString(),
  };
}
