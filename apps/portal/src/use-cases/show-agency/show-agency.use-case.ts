import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import { PageRepository } from '../../persistence/page.repository.js';
import type { Agency, ColumnSummary, PageSummary } from '../../persistence/page.repository.js';

export interface AgencyView {
  agency: Agency;
  /** 年度报告, newest year first. */
  reports: PageSummary[];
  /** Articles by column (栏目); columns in the order of their newest item. */
  columns: { name: string; items: PageSummary[] }[];
  /** The agency's managed columns that hold pages, each with its own paginated page. */
  columnLinks: ColumnSummary[];
}

/** One agency's 政府信息公开 column. */
@Injectable()
export class ShowAgencyUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  async execute(agencyId: string): Promise<AgencyView> {
    const [pages, columnLinks] = await Promise.all([this.pages.ofAgency(agencyId), this.pages.columnsOf(agencyId)]);
    if (pages.length === 0) throw new DomainError('PORTAL.PAGE_NOT_FOUND', { agencyId });
    const newest = pages.reduce((a, b) => (b.publishedAt > a.publishedAt ? b : a));
    const reports = pages.filter((page) => page.kind === 'annual_report').sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    const columns = new Map<string, PageSummary[]>();
    for (const page of pages) {
      if (page.kind !== 'article') continue;
      const items = columns.get(page.columnName) ?? [];
      items.push(page);
      columns.set(page.columnName, items);
    }
    return {
      agency: { id: newest.agencyId, name: newest.agencyName },
      reports,
      columns: [...columns].map(([name, items]) => ({ name, items })),
      columnLinks,
    };
  }
}
