import { Inject, Injectable } from '@nestjs/common';
import { PageRepository } from '../../persistence/page.repository.js';
import type { PageSummary } from '../../persistence/page.repository.js';
import { pagination } from '../pagination.js';
import type { Pagination } from '../pagination.js';
import { queryPhrases, queryTerms } from './search-tokens.js';

export const SEARCH_PAGE_SIZE = 10;
/** Longer queries are cut: a search box is not a document. */
export const MAX_QUERY_LENGTH = 50;

export interface SearchHit extends PageSummary {
  /** Up to 80 characters of the text around the first phrase (plain text). */
  excerpt: string;
}

export interface SearchView {
  query: string;
  items: SearchHit[];
  pagination: Pagination;
}

/** Site search over every visible page (titles and text), CJK-aware and indexed (search-tokens.ts). */
@Injectable()
export class SearchPagesUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  async execute(rawQuery: string, page: number): Promise<SearchView> {
    const query = [...rawQuery.trim()].slice(0, MAX_QUERY_LENGTH).join('');
    const terms = queryTerms(query);
    if (terms.length === 0) return { query, items: [], pagination: pagination(page, SEARCH_PAGE_SIZE, 0) };
    const phrases = queryPhrases(query);
    const slice = await this.pages.search(terms, phrases, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
    return {
      query,
      items: slice.items.map(({ searchText, ...hit }) => ({ ...hit, excerpt: excerpt(searchText, phrases[0] ?? '') })),
      pagination: pagination(page, SEARCH_PAGE_SIZE, slice.total),
    };
  }
}

function excerpt(text: string, phrase: string): string {
  const chars = [...text];
  const at = Math.max(0, [...text.toLowerCase().slice(0, Math.max(0, text.toLowerCase().indexOf(phrase)))].length - 20);
  const cut = chars.slice(at, at + 80).join('');
  return `${at > 0 ? '…' : ''}${cut}${at + 80 < chars.length ? '…' : ''}`;
}
