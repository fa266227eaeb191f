import { contentToReport, isAnnualReportContent, renderReportFragment, toReportJson } from '@sanshen/annual-report';
import type { ArticleContent, DocumentVersionView, PortalPush } from '@sanshen/contracts';
import sanitizeHtml from 'sanitize-html';

/**
 * What the portal may receive in an article body: text structure, tables, links and images over
 * http(s) only. No scripts, styles, frames, forms, event handlers or data: URLs, whatever the
 * drafting service let through.
 */
const ARTICLE_BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span',
    'ul', 'ol', 'li',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'a', 'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function sanitizeArticleBody(html: string): string {
  return sanitizeHtml(html, ARTICLE_BODY_POLICY);
}

function isArticleContent(content: unknown): content is ArticleContent {
  if (typeof content !== 'object' || content === null) return false;
  const { title, body } = content as Partial<ArticleContent>;
  return typeof title === 'string' && typeof body === 'string';
}

export type RenderedPage = Pick<PortalPush, 'kind' | 'title' | 'html' | 'data' | 'column' | 'year'>;
export type RenderResult = { ok: true; page: RenderedPage } | { ok: false; reason: string };

/** The page for one signed version: pure, so the same version always renders the same bytes. */
export function renderPage(version: DocumentVersionView): RenderResult {
  switch (version.kind) {
    case 'article': {
      if (!isArticleContent(version.content)) return { ok: false, reason: '文章内容格式不正确' };
      const { title, column, body } = version.content;
      return {
        ok: true,
        page: {
          kind: 'article',
          title,
          // The portal shows the title as the page's heading; the pushed html is the body alone.
          html: sanitizeArticleBody(body),
          data: null,
          ...(typeof column === 'string' && column.trim() !== '' ? { column: column.trim() } : {}),
        },
      };
    }
    case 'annual_report': {
      // The national layout from libs/annual-report (the same renderer drafting's HTML view uses);
      // `data` is the report in report.schema.json's shape, blanks kept as null.
      if (!isAnnualReportContent(version.content)) return { ok: false, reason: '年度报告内容格式不正确' };
      const report = contentToReport(version.content);
      return {
        ok: true,
        page: {
          kind: 'annual_report',
          title: version.title,
          html: renderReportFragment(report),
          data: toReportJson(report),
          column: '年度报告',
          year: version.content.year,
        },
      };
    }
    default:
      return { ok: false, reason: `不支持的文档类型 ${String((version as { kind: unknown }).kind)}` };
  }
}
