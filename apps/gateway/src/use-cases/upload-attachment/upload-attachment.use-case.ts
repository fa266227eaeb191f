import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AddAttachmentRequest, DocumentAccessView, DocumentView, GetDocumentRequest } from '@sanshen/contracts';
import { DomainError, attachmentFilename, attachmentKindOfName } from '@sanshen/kernel';
import type { ErrorCode } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { ServiceCalls } from '../../adapters/http/service-calls.js';
import type { RequestContext } from '../../adapters/auth/request-context.js';

/** Refusals of the bytes themselves: the same bytes are refused for every document, so they are not kept. */
const REFUSED_BYTES: ReadonlySet<ErrorCode> = new Set(['ATTACHMENT.TYPE_NOT_ALLOWED', 'ATTACHMENT.TYPE_MISMATCH', 'ATTACHMENT.ARCHIVE_UNSAFE', 'ATTACHMENT.UNREADABLE', 'ATTACHMENT.EMPTY']);

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/**
 * 上传附件: the name is checked (no path, an allowed extension) and the draft's version and state
 * (drafting's access facts: the request would be refused anyway) before anything is stored; the bytes
 * go to the attachment store under their sha256 and drafting is told the hash (bytes never travel
 * over NATS). Drafting sniffs the type, checks archives and extracts the text; when it refuses the
 * bytes, they are deleted again if this upload stored them — nothing of a refused file stays.
 */
@Injectable()
export class UploadAttachmentUseCase {
  constructor(
    private readonly services: ServiceCalls,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  async execute(context: RequestContext, documentId: string, version: number, file: UploadedFile): Promise<DocumentView> {
    const filename = attachmentFilename(file.filename);
    if (filename === null) throw new DomainError('ATTACHMENT.FILENAME_INVALID');
    if (attachmentKindOfName(filename) === null) throw new DomainError('ATTACHMENT.TYPE_NOT_ALLOWED', { filename });
    if (file.bytes.byteLength === 0) throw new DomainError('ATTACHMENT.EMPTY', { filename });
    const access = await this.services.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, context, { documentId });
    if (access.status === 'published') throw new DomainError('DOCUMENT.CORRECTION_REQUIRED', { status: access.status });
    if (access.status !== 'draft') throw new DomainError('DOCUMENT.NOT_EDITABLE', { status: access.status });
    if (access.version !== version) throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: access.version, given: version });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    let created: boolean;
    try {
      ({ created } = await this.store.put(sha256, file.bytes));
    } catch {
      throw new DomainError('ATTACHMENT.STORAGE_UNAVAILABLE', { store: this.store.name });
    }
    try {
      return await this.services.send<DocumentView, AddAttachmentRequest>(DRAFTING_RPC.addAttachment, context, { documentId, version, sha256, size: file.bytes.byteLength, filename });
    } catch (error) {
      if (created && error instanceof DomainError && REFUSED_BYTES.has(error.code)) await this.store.delete(sha256).catch(() => undefined);
      throw error;
    }
  }
}
