import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { PageRepository } from '../../persistence/page.repository.js';
import type { Agency, PageSummary } from '../../persistence/page.repository.js';
import { pagination } from '../pagination.js';
import type { Pagination } from '../pagination.js';

export const COLUMN_PAGE_SIZE = 20;

export interface ColumnPageView {
  agency: Agency;
  column: { code: string; name: string };
  items: PageSummary[];
  pagination: Pagination;
}

/** One column (栏目) of an agency, newest first, 20 items a page. An unknown column or page is 404. */
@Injectable()
export class ShowColumnUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  async execute(agencyId: string, columnCode: string, page: number): Promise<ColumnPageView> {
    const slice = await this.pages.ofColumn(agencyId, columnCode, (page - 1) * COLUMN_PAGE_SIZE, COLUMN_PAGE_SIZE);
    const first = slice.items[0];
    if (first === undefined) throw new DomainError('PORTAL.PAGE_NOT_FOUND', { agencyId, columnCode, page });
    return {
      agency: { id: first.agencyId, name: first.agencyName },
      column: { code: columnCode, name: first.columnName },
      items: slice.items,
      pagination: pagination(page, COLUMN_PAGE_SIZE, slice.total),
    };
  }
}
