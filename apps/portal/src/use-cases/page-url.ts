import type { DocumentKind } from '@sanshen/kernel';

export interface PageAddressParts {
  kind: DocumentKind;
  documentId: string;
  agencyId: string;
  year: number | null;
}

/** A document's page: articles by document, annual reports by agency and year. */
export function pagePath(page: PageAddressParts): string {
  return page.kind === 'annual_report'
    ? `/reports/${encodeURIComponent(page.agencyId)}/${page.year}`
    : `/items/${encodeURIComponent(page.documentId)}`;
}

export function agencyPath(agencyId: string): string {
  return `/agencies/${encodeURIComponent(agencyId)}`;
}

/** A column (栏目) of an agency; page 1 has no query. */
export function columnPath(agencyId: string, columnCode: string, page = 1): string {
  return `${agencyPath(agencyId)}/columns/${encodeURIComponent(columnCode)}${page > 1 ? `?page=${page}` : ''}`;
}

/** The search page for a query; page 1 has no page parameter. */
export function searchPath(query: string, page = 1): string {
  return `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`;
}
