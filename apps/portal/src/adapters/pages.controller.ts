import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { checkText, DomainError, isSha256Hex } from '@sanshen/kernel';
import { sendDownload } from '@sanshen/platform/core';
import type { FastifyReply } from 'fastify';
import { PORTAL_CONFIG } from '../config/portal.config.js';
import type { PortalConfig } from '../config/portal.config.js';
import { ListPublishedUseCase } from '../use-cases/list-published/list-published.use-case.js';
import { ShowAgencyUseCase } from '../use-cases/show-agency/show-agency.use-case.js';
import { ShowHomeUseCase } from '../use-cases/show-home/show-home.use-case.js';
import { ShowPageUseCase } from '../use-cases/show-page/show-page.use-case.js';
import { ShowAttachmentUseCase } from '../use-cases/show-attachment/show-attachment.use-case.js';
import type { DocumentView } from '../use-cases/show-page/show-page.use-case.js';
import { pagePath } from '../use-cases/page-url.js';
import { pageNumber } from '../use-cases/pagination.js';
import { SearchPagesUseCase } from '../use-cases/search-pages/search-pages.use-case.js';
import type { SearchView } from '../use-cases/search-pages/search-pages.use-case.js';
import { ShowColumnUseCase } from '../use-cases/show-column/show-column.use-case.js';
import { PageErrorFilter, PushErrorFilter } from './error-filters.js';
import { sendHtml, sendMachine } from './http-responses.js';
import { jsonFeed, sitemapXml } from './views/machine.js';
import { agencyPage, columnPage, documentPage, homePage, retractedPage, searchPage } from './views/pages.js';

/** The public website: no sign-in, server-rendered, Simplified Chinese. */
@Controller()
@UseFilters(PageErrorFilter)
export class PagesController {
  constructor(
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
    @Inject(ShowHomeUseCase) private readonly showHome: ShowHomeUseCase,
    @Inject(ShowAgencyUseCase) private readonly showAgency: ShowAgencyUseCase,
    @Inject(ShowPageUseCase) private readonly showPage: ShowPageUseCase,
    @Inject(ListPublishedUseCase) private readonly listPublished: ListPublishedUseCase,
    @Inject(ShowColumnUseCase) private readonly showColumn: ShowColumnUseCase,
    @Inject(SearchPagesUseCase) private readonly searchPages: SearchPagesUseCase,
    @Inject(ShowAttachmentUseCase) private readonly showAttachment: ShowAttachmentUseCase,
  ) {}

  @Get()
  async home(@Res() reply: FastifyReply): Promise<void> {
    sendHtml(reply, 200, homePage(this.config.siteName, await this.showHome.execute()));
  }

  @Get('agencies/:agencyId')
  async agency(@Param('agencyId') agencyId: string, @Res() reply: FastifyReply): Promise<void> {
    pageAddress(agencyId);
    sendHtml(reply, 200, agencyPage(this.config.siteName, await this.showAgency.execute(agencyId)));
  }

  @Get('agencies/:agencyId/columns/:columnCode')
  async column(@Param('agencyId') agencyId: string, @Param('columnCode') columnCode: string, @Query('page') page: unknown, @Res() reply: FastifyReply): Promise<void> {
    pageAddress(agencyId);
    pageAddress(columnCode);
    const number = pageNumber(page);
    if (number === null) throw new DomainError('PORTAL.PAGE_NOT_FOUND');
    sendHtml(reply, 200, columnPage(this.config.siteName, await this.showColumn.execute(agencyId, columnCode, number)));
  }

  @Get('search')
  async search(@Query('q') q: unknown, @Query('page') page: unknown, @Res() reply: FastifyReply): Promise<void> {
    sendHtml(reply, 200, searchPage(this.config.siteName, await this.find(q, page)));
  }

  /** The same search as JSON: `{query, page, pageSize, total, pages, items: [{title, url, agency, column, publishedAt, indexNumber, excerpt}]}`. */
  @Get('api/search')
  @UseFilters(PushErrorFilter)
  async searchJson(@Query('q') q: unknown, @Query('page') page: unknown, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.find(q, page);
    const body = {
      query: view.query,
      ...view.pagination,
      items: view.items.map((item) => ({
        documentId: item.documentId,
        title: item.title,
        url: this.config.publicUrl + pagePath(item),
        agency: { id: item.agencyId, name: item.agencyName },
        column: { code: item.columnCode, name: item.columnName },
        publishedAt: item.firstPublishedAt.toISOString(),
        indexNumber: item.catalogue?.indexNumber ?? null,
        excerpt: item.excerpt,
      })),
    };
    sendMachine(reply, 'application/json', JSON.stringify(body));
  }

  @Get('items/:documentId')
  async item(@Param('documentId') documentId: string, @Res() reply: FastifyReply): Promise<void> {
    pageAddress(documentId);
    const view = await this.showPage.execute({ documentId });
    // An annual report lives at its agency-and-year address.
    if (view.page.kind === 'annual_report' && !view.retraction) {
      void reply.redirect(pagePath(view.page), 301);
      return;
    }
    this.sendDocument(reply, view);
  }

  /** An attachment of a live page: its sniffed type, the Chinese name (RFC 5987), nosniff. */
  @Get('items/:documentId/attachments/:sha256')
  async attachment(@Param('documentId') documentId: string, @Param('sha256') sha256: string, @Res() reply: FastifyReply): Promise<void> {
    pageAddress(documentId);
    if (!isSha256Hex(sha256)) throw new DomainError('PORTAL.PAGE_NOT_FOUND');
    const { attachment, bytes } = await this.showAttachment.execute(documentId, sha256);
    await sendDownload(reply, { filename: attachment.filename, mediaType: attachment.mediaType, bytes }, 'public, max-age=3600');
  }

  @Get('reports/:agencyId/:year')
  async report(@Param('agencyId') agencyId: string, @Param('year') year: string, @Res() reply: FastifyReply): Promise<void> {
    if (!/^\d{4}$/.test(year)) throw new DomainError('PORTAL.PAGE_NOT_FOUND');
    pageAddress(agencyId);
    this.sendDocument(reply, await this.showPage.execute({ agencyId, year: Number(year) }));
  }

  @Get('feed.json')
  async feed(@Res() reply: FastifyReply): Promise<void> {
    const feed = jsonFeed(this.config.siteName, this.config.publicUrl, await this.listPublished.feed());
    sendMachine(reply, 'application/feed+json', JSON.stringify(feed));
  }

  @Get('sitemap.xml')
  async sitemap(@Res() reply: FastifyReply): Promise<void> {
    const { agencies, pages } = await this.listPublished.sitemap();
    sendMachine(reply, 'application/xml', sitemapXml(this.config.publicUrl, agencies, pages));
  }

  /** Any other address: the Chinese 404 page (static routes such as /health win over this one). */
  @Get('*')
  unknown(): never {
    throw new DomainError('PORTAL.PAGE_NOT_FOUND');
  }

  /** `q` and `page` as the query gave them: a query the input policy refuses, or a page out of range, is 400. */
  private find(q: unknown, page: unknown): Promise<SearchView> {
    const query = q === undefined ? '' : q;
    const number = pageNumber(page);
    if (typeof query !== 'string' || query.length > 200 || !checkText(query, 'single').ok || number === null) {
      throw new DomainError('REQUEST.INVALID', { problems: ['q: 1–50 个字符的搜索词；page: 1–1000'] }, '搜索参数不正确');
    }
    return this.searchPages.execute(query, number);
  }

  private sendDocument(reply: FastifyReply, view: DocumentView): void {
    const { retraction } = view;
    if (retraction) sendHtml(reply, 410, retractedPage(this.config.siteName, { ...view, retraction }));
    else sendHtml(reply, 200, documentPage(this.config.siteName, view));
  }
}

/**
 * An address part no page can have — a character the input policy refuses (a NUL PostgreSQL cannot
 * even compare), or longer than any id — is the 404 page at once, never a failed query (issue #11).
 */
function pageAddress(value: string): void {
  if (value.length > 200 || !checkText(value, 'single').ok) throw new DomainError('PORTAL.PAGE_NOT_FOUND');
}
