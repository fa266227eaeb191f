import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AttachmentView, GetAttachmentRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import type { RequestContext } from '../../adapters/auth/request-context.js';

/**
 * 下载附件: drafting says whether the caller may read the document and whether the version lists
 * the file (else 404); the bytes come from the store and must still hash to the name.
 */
@Injectable()
export class DownloadAttachmentUseCase {
  constructor(
    private readonly services: ServiceCalls,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  async execute(context: RequestContext, request: GetAttachmentRequest): Promise<{ attachment: AttachmentView; bytes: Uint8Array }> {
    const attachment = await this.services.send<AttachmentView, GetAttachmentRequest>(DRAFTING_RPC.getAttachment, context, request);
    let bytes: Uint8Array | null;
    try {
      bytes = await this.store.get(attachment.sha256);
    } catch {
      throw new DomainError('ATTACHMENT.STORAGE_UNAVAILABLE', { store: this.store.name });
    }
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
      throw new DomainError('ATTACHMENT.STORAGE_UNAVAILABLE', { store: this.store.name, sha256: attachment.sha256 });
    }
    return { attachment, bytes };
  }
}
