import { importReportHtml, reportToContent, sampleReport } from '@sanshen/annual-report';
import type { DocumentVersionView } from '@sanshen/contracts';
import { contentHashOf } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import { renderPage } from './render-page.js';

function version(kind: DocumentVersionView['kind'], title: string, content: unknown): DocumentVersionView {
  return {
    documentId: '5f0c6a43-4d2b-4b8e-9a57-1d2f3e4a5b6c',
    version: 3,
    contentHash: contentHashOf(content),
    kind,
    title,
    agencyId: 'agency-1',
    agencyName: '海东市工业和信息化局',
    departmentId: 'dept-1',
    authorId: 'user-1',
    content,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('renderPage', () => {
  it('renders an article as its re-sanitized body, the title travelling beside it', () => {
    const rendered = renderPage(
      version('article', 'ignored', { title: '关于<b>开展</b>检查的通知', column: ' 通知公告 ', body: '<p onclick="x()">正文<script>alert(1)</script></p>' }),
    );
    expect(rendered).toEqual({
      ok: true,
      page: {
        kind: 'article',
        title: '关于<b>开展</b>检查的通知',
        html: '<p>正文</p>',
        data: null,
        column: '通知公告',
      },
    });
  });

  it('leaves the column out when the article has none', () => {
    const rendered = renderPage(version('article', 't', { title: '标题', column: '', body: '<p>x</p>' }));
    expect(rendered.ok && 'column' in rendered.page).toBe(false);
  });

  it('refuses an article whose content is not an article', () => {
    expect(renderPage(version('article', 't', { sections: {} }))).toEqual({ ok: false, reason: '文章内容格式不正确' });
  });

  it('renders an annual report in the national layout, with its tables and the schema-shaped data', () => {
    const report = sampleReport('2021');
    report.sections.overall = '<总体情况>';
    const content = reportToContent(report);
    const rendered = renderPage(version('annual_report', report.title, content));
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.page).toMatchObject({ kind: 'annual_report', title: report.title, column: '年度报告', year: report.reportYear });
    expect(rendered.page.data).toMatchObject({ format: '2021', reportYear: report.reportYear });
    const html = rendered.page.html;
    expect(html).toContain('<th colspan="7"');
    expect(html).toContain('申请人情况');
    expect(html).toContain('行政复议');
    expect(html).toContain('&lt;总体情况&gt;');
    expect(html).not.toContain('<总体情况>');
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('<style>');
    // What the portal shows reads back to the same tables.
    const back = importReportHtml(`<h1>${report.title}</h1>${html}`);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.report.applications).toEqual(report.applications);
  });

  it('refuses an annual report whose content is not a report', () => {
    expect(renderPage(version('annual_report', 't', { format: '2021', year: 2025, sections: {}, tables: {} }))).toEqual({
      ok: false,
      reason: '年度报告内容格式不正确',
    });
  });

  it('renders the same version to the same bytes', () => {
    const v = version('article', 't', { title: '标题', column: '工作动态', body: '<p>正文</p>' });
    expect(renderPage(v)).toEqual(renderPage(structuredClone(v)));
  });
});
