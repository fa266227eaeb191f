import { Injectable } from '@nestjs/common';
import type { CatalogueSettingsView, UpdateCatalogueSettingsRequest } from '@sanshen/contracts';
import { checkCatalogueSettings } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { assertAgencyAdmin, valueOrRefuse } from '../catalogue/catalogue-access.js';
import { catalogueSettingsView } from '../show-catalogue-settings/show-catalogue-settings.use-case.js';

/**
 * The agency's administrator sets the 机构代码, the 索引号 pattern and the 主题分类 list. Numbers already
 * allocated keep their form; the new pattern applies to documents pushed from now on.
 */
@Injectable()
export class UpdateCatalogueSettingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(actor: Actor, request: UpdateCatalogueSettingsRequest): Promise<CatalogueSettingsView> {
    assertAgencyAdmin(actor, request.agencyId);
    const settings = valueOrRefuse(checkCatalogueSettings({ agencyCode: request.agencyCode, indexPattern: request.indexPattern, topics: request.topics }));
    const saved = await this.dataSource.transaction(async (manager) => {
      await this.catalogue.settings(manager, request.agencyId, true);
      await this.catalogue.saveSettings(manager, request.agencyId, settings, actor.userId);
      return this.catalogue.settings(manager, request.agencyId);
    });
    return catalogueSettingsView(request.agencyId, saved, new Date());
  }
}
