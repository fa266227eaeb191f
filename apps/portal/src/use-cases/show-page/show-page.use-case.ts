import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import { PageRepository } from '../../persistence/page.repository.js';

export type PageAddress = { documentId: string } | { agencyId: string; year: number };

export interface DocumentView {
  /** The live version. */
  page: PageOrmEntity;
  firstPublishedAt: Date;
  /** Each version published here after an earlier one (更正), oldest first. */
  corrections: { version: number; at: Date }[];
  /** Set when the document was withdrawn: the address then answers 410 with this notice. */
  retraction: { at: Date; reason: string } | null;
}

/** An article or an annual report, with its correction history and any retraction. */
@Injectable()
export class ShowPageUseCase {
  constructor(@Inject(PageRepository) private readonly pages: PageRepository) {}

  async execute(address: PageAddress): Promise<DocumentView> {
    const documentId =
      'documentId' in address ? address.documentId : await this.pages.reportDocumentId(address.agencyId, address.year);
    const [history, retraction] = documentId
      ? await Promise.all([this.pages.history(documentId), this.pages.findRetraction(documentId)])
      : [[], null];
    const page = history.find((version) => version.supersededAt === null);
    if (!page) throw new DomainError('PORTAL.PAGE_NOT_FOUND', { ...address });
    return {
      page,
      firstPublishedAt: page.firstPublishedAt,
      corrections: history.slice(1).map((version) => ({ version: version.version, at: version.publishedAt })),
      retraction: retraction ? { at: retraction.retractedAt, reason: retraction.reason } : null,
    };
  }
}
