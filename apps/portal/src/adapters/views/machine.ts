import type { PageOrmEntity } from '../../persistence/page.orm-entity.js';
import type { Agency, PageSummary } from '../../persistence/page.repository.js';
import { agencyPath, columnPath, pagePath } from '../../use-cases/page-url.js';
import { escapeHtml } from '@sanshen/kernel';
import type { CatalogueEntry } from '@sanshen/kernel';

/** The namespace of the sitemap's 政府信息公开目录 extension (one `catalogue` element per page that has one). */
export const CATALOGUE_XML_NAMESPACE = 'urn:sanshen:catalogue:1';

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
        columnCode: page.columnCode,
        // The 政府信息公开目录 entry with the portal's 发布日期 (null for pages pushed without one).
        catalogue: page.catalogue === null ? null : { ...page.catalogue, publishedOn: page.firstPublishedAt.toISOString() },
      },
    })),
  };
}

/**
 * sitemaps.org 0.9: the home page, each agency's page and column pages, each live page; a page with a
 * 政府信息公开目录 entry carries it in the `gk:` extension (crawlers ignore what they do not know).
 */
export function sitemapXml(publicUrl: string, agencies: Agency[], pages: PageSummary[]): string {
  const url = (loc: string, lastmod?: Date, extra = '') =>
    `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}${extra}</url>`;
  const columns = new Map<string, string>();
  for (const page of pages) {
    if (page.columnCode !== null) columns.set(`${page.agencyId}\u0000${page.columnCode}`, publicUrl + columnPath(page.agencyId, page.columnCode));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:gk="${CATALOGUE_XML_NAMESPACE}">`,
    url(`${publicUrl}/`),
    ...agencies.map((agency) => url(publicUrl + agencyPath(agency.id))),
    ...[...columns.values()].map((loc) => url(loc)),
    ...pages.map((page) => url(publicUrl + pagePath(page), page.publishedAt, page.catalogue === null ? '' : catalogueXml(page.catalogue, page.firstPublishedAt))),
    '</urlset>',
    '',
  ].join('\n');
}

function catalogueXml(entry: CatalogueEntry, publishedOn: Date): string {
  const element = (name: string, value: string | null) => (value === null ? '' : `<gk:${name}>${escapeHtml(value)}</gk:${name}>`);
  return [
    '<gk:catalogue>',
    element('indexNumber', entry.indexNumber),
    element('publisher', entry.publisher),
    element('column', entry.columnName),
    element('writtenOn', entry.writtenOn),
    element('publishedOn', publishedOn.toISOString()),
    element('documentNumber', entry.documentNumber),
    element('topic', entry.topic),
    element('openness', entry.openness),
    '</gk:catalogue>',
  ].join('');
}
