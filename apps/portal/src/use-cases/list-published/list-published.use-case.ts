import { Inject, Injectable } from '@nestjs/common';
import { PageRepository } from '../../persistence/page.repository.js';
import type { Agency, PageSummary } from '../../persistence/page.repository.js';
import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import { sortByName } from '../show-home/show-home.use-case.js';

export const FEED_LIMIT = 20;
/** The sitemap protocol's ceiling for one file. */
export const SITEMAP_LIMIT = 50_000;

/** What machines read: the JSON feed (latest items with bodies) and the sitemap (every live address). */
@Injectable()
export class ListPublishedUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  feed(): Promise<PageOrmEntity[]> {
    return this.pages.latestWithBodies(FEED_LIMIT);
  }

  async sitemap(): Promise<{ agencies: Agency[]; pages: PageSummary[] }> {
    const [agencies, pages] = await Promise.all([this.pages.agencies(), this.pages.latest(SITEMAP_LIMIT)]);
    return { agencies: sortByName(agencies), pages };
  }
}
