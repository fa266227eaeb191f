import { Inject, Injectable } from '@nestjs/common';
import type { PortalRetractReceipt } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { PORTAL_CONFIG } from '../../config/portal.config.js';
import type { PortalConfig } from '../../config/portal.config.js';
import { PageRepository } from '../../persistence/page.repository.js';
import { openRetract } from '../signed-request.js';
import type { SignedRequest } from '../signed-request.js';

export interface RetractOutcome {
  receipt: PortalRetractReceipt;
  created: boolean;
}

/**
 * Withdraws a document (撤稿): its address answers 410 with a notice from then on, it leaves the
 * lists, the feed and the sitemap, and no later push brings it back. The first retraction's date and
 * reason stand; repeating it changes nothing.
 */
@Injectable()
export class RetractPageUseCase {
  constructor(
    @Inject(PageRepository) private readonly pages: PageRepository,
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: SignedRequest, now: Date = new Date()): Promise<RetractOutcome> {
    const retract = openRetract(request, this.config.pushSecret);
    return this.pages.transaction(async (tx) => {
      await this.pages.lockDocument(tx, retract.documentId);
      const page = await this.pages.findByPublicationId(retract.publicationId, tx);
      if (!page || page.documentId !== retract.documentId) {
        throw new DomainError('PORTAL.PAGE_NOT_FOUND', { documentId: retract.documentId, publicationId: retract.publicationId });
      }
      const live = await this.pages.findLive(tx, retract.documentId);
      const url = live?.url ?? page.url;
      const existing = await this.pages.findRetraction(retract.documentId, tx);
      if (existing) return { receipt: { url, retractedAt: existing.retractedAt.toISOString() }, created: false };
      await this.pages.insertRetraction(tx, {
        documentId: retract.documentId,
        publicationId: retract.publicationId,
        reason: retract.reason,
        retractedAt: now,
      });
      this.logger.info({ documentId: retract.documentId, publicationId: retract.publicationId, url }, 'page retracted');
      return { receipt: { url, retractedAt: now.toISOString() }, created: true };
    });
  }
}
