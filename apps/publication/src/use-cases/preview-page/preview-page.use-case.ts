import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AgencyCatalogueRequest, ColumnListView, DocumentView, GetDocumentRequest, PagePreview, PagePreviewRequest, PortalPush } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ServiceClient } from '@sanshen/platform';
import { PORTAL_TARGET } from '../push-publication/portal-target.js';
import type { PortalTarget } from '../push-publication/portal-target.js';
import { renderPage } from '../push-publication/render-page.js';

/**
 * 预览: the document's current version rendered by the same renderer as a publication and laid out by
 * the portal itself, exactly as it would be published — but nothing is stored or published. The
 * version is read with the caller's identity, so only someone who may read the document sees it.
 */
@Injectable()
export class PreviewPageUseCase {
  constructor(
    private readonly services: ServiceClient,
    @Inject(PORTAL_TARGET) private readonly portal: PortalTarget,
  ) {}

  async execute(actor: Actor, request: PagePreviewRequest, correlationId: string): Promise<PagePreview> {
    const document = await this.services.send<DocumentView, GetDocumentRequest>(DRAFTING_RPC.get, {
      actor,
      correlationId,
      payload: { documentId: request.documentId },
    });
    const rendered = renderPage({
      documentId: document.id,
      version: document.version,
      contentHash: document.contentHash,
      kind: document.kind,
      title: document.title,
      agencyId: document.agencyId,
      agencyName: document.agencyName,
      departmentId: document.departmentId,
      authorId: document.authorId,
      content: document.content,
      createdAt: document.updatedAt,
    });
    if (!rendered.ok) throw new DomainError('PUBLICATION.PREVIEW_FAILED', { reason: rendered.reason });
    if (this.portal.preview === undefined) throw new DomainError('PUBLICATION.PREVIEW_UNAVAILABLE', { target: this.portal.name });
    // An article names its column by code: the page shows the managed column's name (nothing is allocated for a preview).
    const column = rendered.page.kind === 'article' ? await this.columnName(actor, document.agencyId, rendered.page.column, correlationId) : rendered.page.column;
    const push: PortalPush = {
      // Never stored: the portal only lays the page out.
      publicationId: randomUUID(),
      documentId: document.id,
      version: document.version,
      contentHash: document.contentHash,
      agency: { id: document.agencyId, name: document.agencyName },
      publishedAt: new Date().toISOString(),
      ...rendered.page,
      ...(column !== undefined ? { column } : {}),
    };
    const page = await this.portal.preview(push);
    if (!page.ok) throw new DomainError('PUBLICATION.PREVIEW_UNAVAILABLE', { error: page.error });
    return { documentId: document.id, version: document.version, html: page.html };
  }

  private async columnName(actor: Actor, agencyId: string, code: string | undefined, correlationId: string): Promise<string | undefined> {
    if (code === undefined) return undefined;
    const columns = await this.services.send<ColumnListView, AgencyCatalogueRequest>(DRAFTING_RPC.columnList, { actor, correlationId, payload: { agencyId } });
    return columns.items.find((column) => column.code === code)?.name ?? code;
  }
}
