import { Injectable } from '@nestjs/common';
import type { DocumentView, RemoveAttachmentRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { articleOf } from '../../content/document-content.js';
import { ReviseDocumentUseCase } from '../revise-document/revise-document.use-case.js';

/** 删除附件: the draft's next version no longer lists it (a new hash; every signature void). The bytes stay in the store for the versions that list them. */
@Injectable()
export class RemoveAttachmentUseCase {
  constructor(private readonly revise: ReviseDocumentUseCase) {}

  execute(actor: Actor, request: RemoveAttachmentRequest, correlationId: string): Promise<DocumentView> {
    return this.revise.reviseWith(actor, request.documentId, request.version, correlationId, (kind, current) => {
      if (kind !== 'article') throw new DomainError('ATTACHMENT.NOT_ARTICLE');
      const { attachments = [], ...article } = articleOf(current);
      const rest = attachments.filter((file) => file.sha256 !== request.sha256);
      if (rest.length === attachments.length) throw new DomainError('ATTACHMENT.NOT_FOUND', { sha256: request.sha256 });
      return rest.length === 0 ? article : { ...article, attachments: rest };
    });
  }
}
