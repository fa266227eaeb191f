import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AddAttachmentRequest, DocumentView } from '@sanshen/contracts';
import { DomainError, attachmentFilename, isSha256Hex } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { BLOB_STORE } from '@sanshen/platform/core';
import type { BlobStore } from '@sanshen/platform/core';
import { articleOf } from '../../content/document-content.js';
import { AttachmentTextRepository } from '../../persistence/attachment-text.repository.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertDrafterOf, assertEditable, assertVisible } from '../document-access.js';
import { ReviseDocumentUseCase } from '../revise-document/revise-document.use-case.js';
import { readBlob } from './read-blob.js';
import { inspectAttachment } from './inspect-attachment.js';

/** Most attachments one version carries. */
export const MAX_ATTACHMENTS = 20;

/**
 * 添加附件: the file the gateway put in the attachment store (named by its sha256) joins the draft —
 * its type sniffed from the bytes, an archive checked for bombs, its text extracted and kept for the
 * content checks — and the draft gets a new version whose content lists it (hash, name, type, size),
 * so the content hash and every signature cover it. Cheap refusals (not visible, not the drafter,
 * not a draft) come before the bytes are read.
 */
@Injectable()
export class AddAttachmentUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly revise: ReviseDocumentUseCase,
    private readonly texts: AttachmentTextRepository,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  async execute(actor: Actor, request: AddAttachmentRequest, correlationId: string): Promise<DocumentView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    assertDrafterOf(actor, document);
    if (document.kind !== 'article') throw new DomainError('ATTACHMENT.NOT_ARTICLE');
    assertEditable(document);
    const filename = typeof request.filename === 'string' ? attachmentFilename(request.filename) : null;
    if (filename === null) throw new DomainError('ATTACHMENT.FILENAME_INVALID');
    if (!isSha256Hex(request.sha256)) throw new DomainError('REQUEST.INVALID', { field: 'sha256' });
    const bytes = await readBlob(this.store, request.sha256);
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== request.sha256) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', { sha256: request.sha256 });
    }
    const inspected = await inspectAttachment(filename, bytes);
    await this.texts.save(request.sha256, inspected.text);
    return this.revise.reviseWith(actor, request.documentId, request.version, correlationId, (_kind, current) => {
      const article = articleOf(current);
      const attachments = article.attachments ?? [];
      if (attachments.some((file) => file.sha256 === request.sha256 || file.filename === filename)) {
        throw new DomainError('ATTACHMENT.DUPLICATE', { filename });
      }
      if (attachments.length >= MAX_ATTACHMENTS) throw new DomainError('ATTACHMENT.LIMIT_REACHED', { max: MAX_ATTACHMENTS });
      return { ...article, attachments: [...attachments, { sha256: request.sha256, filename, mediaType: inspected.mediaType, size: bytes.byteLength }] };
    });
  }
}
