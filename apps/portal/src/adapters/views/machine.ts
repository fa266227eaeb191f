import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import type { Agency, PageSummary } from '../../persistence/page.repository.js';
import { agencyPath, pagePath } from '../../use-cases/page-url.js';
import { escapeHtml } from '@sanshen/kernel';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); structured content under the `_sanshen` extension. */
export function jsonFeed(siteName: string, publicUrl: string, pages: PageOrmEntity[]): unknown {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: siteName,
    home_page_url: `${publicUrl}/`,
    feed_url: `${publicUrl}/feed.json`,
    language: 'zh-CN',
    items: pages.map((page) => ({
      id: page.documentId,
      url: publicUrl + pagePath(page),
      title: page.title,
      content_html: page.html,
      date_published: page.firstPublishedAt.toISOString(),
      date_modified: page.publishedAt.toISOString(),
      authors: [{ name: page.agencyName, url: publicUrl + agencyPath(page.agencyId) }],
      tags: [page.columnName],
      _sanshen: {
        documentId: page.documentId,
        version: page.version,
        kind: page.kind,
        year: page.year,
        contentHash: page.contentHash,
        data: page.data,
      },
    })),
  };
}

/** sitemaps.org 0.9: the home page, each agency's column, each live page. */
export function sitemapXml(publicUrl: string, agencies: Agency[], pages: PageSummary[]): string {
  const url = (loc: string, lastmod?: Date) =>
    `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${publicUrl}/`),
    ...agencies.map((agency) => url(publicUrl + agencyPath(agency.id))),
    ...pages.map((page) => url(publicUrl + pagePath(page), page.publishedAt)),
    '</urlset>',
    '',
  ].join('\n');
}
