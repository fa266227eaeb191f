import { Inject, Injectable } from '@nestjs/common';
import type { PortalAttachment } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { PageRepository } from '../../persistence/page.repository.js';

/** An attachment of a document's live page (none of a retracted or superseded one): its record and bytes. */
@Injectable()
export class ShowAttachmentUseCase {
  constructor(
    @Inject(PageRepository) private readonly pages: PageRepository,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  async execute(documentId: string, sha256: string): Promise<{ attachment: PortalAttachment; bytes: Uint8Array }> {
    const [history, retraction] = await Promise.all([this.pages.history(documentId), this.pages.findRetraction(documentId)]);
    const live = retraction ? undefined : history.find((version) => version.supersededAt === null);
    const attachment = live?.attachments.find((file) => file.sha256 === sha256);
    if (attachment === undefined) throw new DomainError('PORTAL.PAGE_NOT_FOUND', { documentId, sha256 });
    const bytes = await this.store.get(sha256);
    if (bytes === null) throw new Error(`attachment ${sha256} of a live page is missing from the store`);
    return { attachment, bytes };
  }
}
