import { Inject, Injectable } from '@nestjs/common';
import { PORTAL_CONFIG } from '../../config/portal.config.js';
import type { PortalConfig } from '../../config/portal.config.js';
import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import { sanitizePageHtml } from '../receive-push/sanitize-page-html.js';
import { assertFresh, openPush } from '../signed-request.js';
import type { SignedRequest } from '../signed-request.js';
import type { DocumentView } from '../show-page/show-page.use-case.js';

/**
 * 审核预览: a signed push (the same contract and checks as a publication) laid out as its page would
 * be, with the same sanitizing, but stored nowhere and published nowhere.
 */
@Injectable()
export class PreviewPageUseCase {
  constructor(@Inject(PORTAL_CONFIG) private readonly config: PortalConfig) {}

  execute(request: SignedRequest, now: Date = new Date()): DocumentView {
    const push = openPush(request, this.config.pushSecret);
    assertFresh(push, now);
    const page = {
      documentId: push.documentId,
      version: push.version,
      kind: push.kind,
      agencyId: push.agency.id,
      agencyName: push.agency.name,
      title: push.title,
      columnName: push.kind === 'annual_report' ? '年度报告' : (push.column ?? '其他'),
      year: push.year ?? null,
      html: sanitizePageHtml(push.html),
      data: push.data ?? null,
      contentHash: push.contentHash,
      publishedAt: now,
      firstPublishedAt: now,
      supersededAt: null,
    } as PageOrmEntity;
    return { page, firstPublishedAt: now, corrections: [], retraction: null };
  }
}
