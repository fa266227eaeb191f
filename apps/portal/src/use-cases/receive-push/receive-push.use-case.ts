import { Inject, Injectable } from '@nestjs/common';
import type { PortalPush, PortalReceipt } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { BLOB_STORE, ROOT_LOGGER } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { PORTAL_CONFIG } from '../../config/portal.config.js';
import type { PortalConfig } from '../../config/portal.config.js';
import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import { PageRepository } from '../../persistence/page.repository.js';
import { assertFresh, openPush } from '../signed-request.js';
import type { SignedRequest } from '../signed-request.js';
import { pagePath } from '../page-url.js';
import { pageContentOf } from '../page-content.js';

export interface PushOutcome {
  receipt: PortalReceipt;
  /** false when the push was already stored: the same receipt again. */
  created: boolean;
}

/**
 * Accepts a signed push: one page per publication (the Idempotency-Key), whatever the retries and
 * races; a newer version of a document supersedes its page; an older one is refused.
 */
@Injectable()
export class ReceivePushUseCase {
  constructor(
    @Inject(PageRepository) private readonly pages: PageRepository,
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(BLOB_STORE) private readonly attachments: BlobStore,
  ) {}

  async execute(request: SignedRequest, now: Date = new Date()): Promise<PushOutcome> {
    const push = openPush(request, this.config.pushSecret);
    // A retry of a stored push gets its receipt even when it is older than the freshness window.
    const stored = await this.pages.findByPublicationId(push.publicationId);
    if (stored) return repeated(stored, push);
    assertFresh(push, now);
    // A page never links an attachment the portal cannot serve: the sender uploads them first.
    for (const attachment of push.attachments ?? []) {
      if (!(await this.attachments.has(attachment.sha256))) throw new DomainError('PORTAL.ATTACHMENT_MISSING', { sha256: attachment.sha256, filename: attachment.filename });
    }
    const content = pageContentOf(push);
    try {
      return await this.pages.transaction(async (tx) => {
        await this.pages.lockDocument(tx, push.documentId);
        const raced = await this.pages.findByPublicationId(push.publicationId, tx);
        if (raced) return repeated(raced, push);
        if (await this.pages.findRetraction(push.documentId, tx)) throw new DomainError('PORTAL.DOCUMENT_RETRACTED');
        const live = await this.pages.findLive(tx, push.documentId);
        if (live && live.version > push.version) {
          throw new DomainError(
            'PORTAL.PUSH_STALE',
            { reason: 'superseded', liveVersion: live.version, pushedVersion: push.version },
            `该文档已发布第 ${live.version} 版，第 ${push.version} 版的推送已过时`,
          );
        }
        if (live && live.version === push.version) {
          if (live.contentHash !== push.contentHash) throw new DomainError('PORTAL.VERSION_CONFLICT', { version: live.version });
          return { receipt: receiptOf(live), created: false };
        }
        if (live) await this.pages.supersede(tx, live.id, now);
        const page = await this.pages.insert(tx, {
          publicationId: push.publicationId,
          ...content,
          url: this.config.publicUrl + pagePath({ ...push, agencyId: push.agency.id, year: push.year ?? null }),
          publishedAt: now,
          firstPublishedAt: live?.firstPublishedAt ?? now,
          sentAt: new Date(push.publishedAt),
        });
        this.logger.info(
          { documentId: page.documentId, version: page.version, publicationId: page.publicationId, url: page.url },
          live ? 'page corrected' : 'page published',
        );
        return { receipt: receiptOf(page), created: true };
      });
    } catch (error) {
      // The unique key settles a race the lock cannot see (the same key for two documents).
      if (isUniqueViolation(error, 'pages_publication_id_key')) {
        const winner = await this.pages.findByPublicationId(push.publicationId);
        if (winner) return repeated(winner, push);
      }
      throw error;
    }
  }
}

function repeated(stored: PageOrmEntity, push: PortalPush): PushOutcome {
  if (stored.documentId !== push.documentId || stored.version !== push.version || stored.contentHash !== push.contentHash) {
    throw new DomainError('PORTAL.IDEMPOTENCY_KEY_REUSED', { publicationId: push.publicationId });
  }
  return { receipt: receiptOf(stored), created: false };
}

function receiptOf(page: PageOrmEntity): PortalReceipt {
  return { url: page.url, publishedAt: page.publishedAt.toISOString(), contentHash: page.contentHash };
}

/** Replay guard: the sender stamps each attempt; one far from our clock is refused. */

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
