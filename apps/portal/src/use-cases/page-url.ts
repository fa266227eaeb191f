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
