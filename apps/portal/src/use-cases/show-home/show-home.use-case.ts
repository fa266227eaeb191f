import { Inject, Injectable } from '@nestjs/common';
import { PageRepository } from '../../persistence/page.repository.js';
import type { Agency, PageSummary } from '../../persistence/page.repository.js';

export const HOME_LATEST_LIMIT = 20;

export interface HomeView {
  agencies: Agency[];
  latest: PageSummary[];
}

/** The front page: every agency that has published something, and the latest items. */
@Injectable()
export class ShowHomeUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  async execute(): Promise<HomeView> {
    const [agencies, latest] = await Promise.all([this.pages.agencies(), this.pages.latest(HOME_LATEST_LIMIT)]);
    return { agencies: sortByName(agencies), latest };
  }
}

export function sortByName(agencies: Agency[]): Agency[] {
  return [...agencies].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
