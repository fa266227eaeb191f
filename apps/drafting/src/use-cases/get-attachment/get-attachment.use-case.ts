import { Injectable } from '@nestjs/common';
import type { AttachmentTextRequest, AttachmentTextView, AttachmentView, GetAttachmentRequest } from '@sanshen/contracts';
import { DomainError, isArticleContent } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { AttachmentTextRepository } from '../../persistence/attachment-text.repository.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertContentReadable } from '../document-access.js';

/**
 * An attachment of a version the caller may read (the document's visibility: else 404), for the
 * download (the gateway then reads the bytes from the store) and its extracted text (the secrecy scan).
 */
@Injectable()
export class GetAttachmentUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly texts: AttachmentTextRepository,
  ) {}

  async execute(actor: Actor, request: GetAttachmentRequest): Promise<AttachmentView> {
    const document = await this.documents.findById(request.documentId);
    assertContentReadable(actor, document);
    const version = await this.documents.requestedVersion(document, request.version);
    const attachment = isArticleContent(version.content) ? version.content.attachments?.find((file) => file.sha256 === request.sha256) : undefined;
    if (attachment === undefined) throw new DomainError('ATTACHMENT.NOT_FOUND', { sha256: request.sha256 });
    return attachment;
  }

  async text(actor: Actor, request: AttachmentTextRequest): Promise<AttachmentTextView> {
    const attachment = await this.execute(actor, request);
    const texts = await this.texts.texts([attachment.sha256]);
    return { sha256: attachment.sha256, text: texts.get(attachment.sha256) ?? null };
  }
}
