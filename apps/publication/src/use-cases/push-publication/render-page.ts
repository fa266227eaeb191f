import { contentToReport, isAnnualReportContent, renderReportFragment, toReportJson } from '@sanshen/annual-report';
import type { DocumentVersionView, PortalPush } from '@sanshen/contracts';
import { isArticleContent, sanitizeRichText } from '@sanshen/kernel';

export type RenderedPage = Pick<PortalPush, 'kind' | 'title' | 'html' | 'data' | 'column' | 'year' | 'attachments'>;
export type RenderResult = { ok: true; page: RenderedPage } | { ok: false; reason: string };

/** The page for one signed version: pure, so the same version always renders the same bytes. */
export function renderPage(version: DocumentVersionView): RenderResult {
  switch (version.kind) {
    case 'article': {
      if (!isArticleContent(version.content)) return { ok: false, reason: '文章内容格式不正确' };
      const { title, column, body, attachments } = version.content;
      return {
        ok: true,
        page: {
          kind: 'article',
          title,
          // The portal shows the title as the page's heading; the pushed html is the body alone,
          // passed once more through the one policy drafting stored it with (a no-op for a stored body).
          html: sanitizeRichText(body),
          data: null,
          ...(column.trim() !== '' ? { column: column.trim() } : {}),
          // 附件 go along by hash; the target uploads their bytes before the push.
          ...(attachments === undefined || attachments.length === 0
            ? {}
            : { attachments: attachments.map(({ sha256, filename, mediaType, size }) => ({ sha256, filename, mediaType, size })) }),
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
