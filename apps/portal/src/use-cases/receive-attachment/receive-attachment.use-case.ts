import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isSha256Hex, verifyPortalSignature } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { PORTAL_CONFIG } from '../../config/portal.config.js';
import type { PortalConfig } from '../../config/portal.config.js';

/**
 * An attachment's bytes before the push that lists them: the signature over the raw bytes first,
 * then the bytes must hash to the name. Stored once per hash (a repeat is `created: false`).
 */
@Injectable()
export class ReceiveAttachmentUseCase {
  constructor(
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
  ) {}

  async execute(sha256: string, rawBody: Uint8Array, signature: unknown): Promise<{ sha256: string; size: number; created: boolean }> {
    if (!verifyPortalSignature(rawBody, signature, this.config.pushSecret)) throw new DomainError('PORTAL.SIGNATURE_INVALID');
    if (!isSha256Hex(sha256) || rawBody.byteLength === 0 || createHash('sha256').update(rawBody).digest('hex') !== sha256) {
      throw new DomainError('PORTAL.ATTACHMENT_INVALID', { sha256 });
    }
    const { created } = await this.store.put(sha256, rawBody);
    return { sha256, size: rawBody.byteLength, created };
  }
}
