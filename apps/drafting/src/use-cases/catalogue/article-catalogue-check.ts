import { Injectable } from '@nestjs/common';
import { ANNUAL_REPORT_COLUMN_CODE, DomainError } from '@sanshen/kernel';
import type { ArticleContent } from '@sanshen/kernel';
import type { EntityManager } from 'typeorm';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';

/**
 * What an article's content must name of the agency's catalogue when it is saved: an existing, active
 * column that is not the annual reports' one, and a 主题分类 of the agency's list. A revision that keeps
 * the column the previous version had stays valid after that column was retired (a correction of a page
 * published in it), and so does a kept 主题分类 that was taken off the list.
 */
@Injectable()
export class ArticleCatalogueCheck {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async assertChoosable(manager: EntityManager, agencyId: string, content: ArticleContent, previous: ArticleContent | null): Promise<void> {
    if (previous === null || content.column !== previous.column) {
      if (content.column === ANNUAL_REPORT_COLUMN_CODE) throw new DomainError('CATALOGUE.COLUMN_RESERVED', { field: 'column', column: content.column });
      const column = await this.catalogue.column(manager, agencyId, content.column);
      if (column === null || column.retiredAt !== null) {
        throw new DomainError('CATALOGUE.COLUMN_UNAVAILABLE', { field: 'column', column: content.column, reason: column === null ? 'unknown' : 'retired' });
      }
    }
    const topic = content.catalogue?.topic;
    if (topic !== undefined && topic !== previous?.catalogue?.topic) {
      const settings = await this.catalogue.settings(manager, agencyId);
      if (!settings.topics.includes(topic)) {
        throw new DomainError('CATALOGUE.FIELD_INVALID', { field: 'catalogue.topic', problem: '主题分类须为本单位公开目录设置中的一项', topics: settings.topics });
      }
    }
  }
}
