import type { PortalPush } from '@sanshen/contracts';
import { sanitizeRichText } from '@sanshen/kernel';
import type { PageOrmEntity } from '../persistence/page.orm-entity.js';

/** What a page shows of a push, its html sanitized: the same for a publication and for a preview. */
export function pageContentOf(
  push: PortalPush,
): Pick<PageOrmEntity, 'documentId' | 'version' | 'kind' | 'agencyId' | 'agencyName' | 'title' | 'columnName' | 'year' | 'html' | 'data' | 'contentHash' | 'attachments'> {
  return {
    documentId: push.documentId,
    version: push.version,
    kind: push.kind,
    agencyId: push.agency.id,
    agencyName: push.agency.name,
    title: push.title,
    columnName: push.kind === 'annual_report' ? '年度报告' : (push.column ?? '其他'),
    year: push.year ?? null,
    html: sanitizeRichText(push.html),
    data: push.data ?? null,
    contentHash: push.contentHash,
    attachments: push.attachments ?? [],
  };
}
