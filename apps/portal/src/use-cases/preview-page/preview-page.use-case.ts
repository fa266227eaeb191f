import { Inject, Injectable } from '@nestjs/common';
import { PORTAL_CONFIG } from '../../config/portal.config.js';
import type { PortalConfig } from '../../config/portal.config.js';
import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import { pageContentOf } from '../page-content.js';
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
      ...pageContentOf(push),
      publishedAt: now,
      firstPublishedAt: now,
      supersededAt: null,
    } as PageOrmEntity;
    return { page, firstPublishedAt: now, corrections: [], retraction: null };
  }
}
