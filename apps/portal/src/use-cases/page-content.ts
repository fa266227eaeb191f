import type { PortalPush } from '@sanshen/contracts';
import { sanitizeRichText } from '@sanshen/kernel';
import type { PageOrmEntity } from '../persistence/page.orm-entity.js';
import { indexTerms, plainText } from './search-pages/search-tokens.js';

/** What a page shows of a push, its html sanitized: the same for a publication and for a preview. */
export function pageContentOf(
  push: PortalPush,
): Pick<
  PageOrmEntity,
  'documentId' | 'version' | 'kind' | 'agencyId' | 'agencyName' | 'title' | 'columnName' | 'columnCode' | 'catalogue' | 'year' | 'html' | 'data' | 'contentHash' | 'searchText' | 'searchTokens' | 'attachments'
> {
  const html = sanitizeRichText(push.html);
  const searchText = plainText(html);
  return {
    documentId: push.documentId,
    version: push.version,
    kind: push.kind,
    agencyId: push.agency.id,
    agencyName: push.agency.name,
    title: push.title,
    // With a catalogue entry the managed column's name; before it, 年度报告 or the free name (其他 when absent).
    columnName: push.catalogue?.columnName ?? (push.kind === 'annual_report' ? '年度报告' : (push.column ?? '其他')),
    columnCode: push.catalogue?.columnCode ?? null,
    catalogue: push.catalogue ?? null,
    year: push.year ?? null,
    html,
    searchText,
    searchTokens: indexTerms(`${push.title} ${searchText}`),
    data: push.data ?? null,
    contentHash: push.contentHash,
    attachments: push.attachments ?? [],
  };
}
