import { contentHashOf } from '@sanshen/contracts';
import type { DocumentVersionView } from '@sanshen/contracts';
import { describe, expect, it } from 'vitest';
import { renderPage, sanitizeArticleBody } from './render-page.js';

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
  it('renders an article as its escaped title and its re-sanitized body', () => {
    const rendered = renderPage(
      version('article', 'ignored', { title: '关于<b>开展</b>检查的通知', column: ' 通知公告 ', body: '<p onclick="x()">正文<script>alert(1)</script></p>' }),
    );
    expect(rendered).toEqual({
      ok: true,
      page: {
        kind: 'article',
        title: '关于<b>开展</b>检查的通知',
        html: '<h1>关于&lt;b&gt;开展&lt;/b&gt;检查的通知</h1><p>正文</p>',
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

  it('renders an annual report as an escaped JSON placeholder with its data and year', () => {
    const content = { format: '2021', year: 2025, sections: { 一: '<总体情况>' }, tables: {} };
    const rendered = renderPage(version('annual_report', '海东市工业和信息化局2025年政府信息公开工作年度报告', content));
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.page).toMatchObject({ kind: 'annual_report', data: content, column: '年度报告', year: 2025 });
    expect(rendered.page.html).toContain('<h1>海东市工业和信息化局2025年政府信息公开工作年度报告</h1><pre>{');
    expect(rendered.page.html).toContain('&lt;总体情况&gt;');
    expect(rendered.page.html).not.toContain('<总体情况>');
  });

  it('renders the same version to the same bytes', () => {
    const v = version('article', 't', { title: '标题', column: '工作动态', body: '<p>正文</p>' });
    expect(renderPage(v)).toEqual(renderPage(structuredClone(v)));
  });
});

describe('sanitizeArticleBody', () => {
  it.each([
    ['<p>ok</p><iframe src="https://x.test"></iframe>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="https://gov.test/a" target="_blank" rel="opener">x</a>', '<a href="https://gov.test/a" rel="noopener noreferrer">x</a>'],
    ['<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a" />'],
    ['<img src="//cdn.test/a.png">', '<img />'],
    ['<p style="color:red" class="x">t</p>', '<p>t</p>'],
    ['<table><tr><td colspan="2" onmouseover="x()">1</td></tr></table>', '<table><tr><td colspan="2">1</td></tr></table>'],
    ['<style>p{}</style><form><input></form>文字', '文字'],
  ])('sanitizes %s', (input, expected) => {
    expect(sanitizeArticleBody(input)).toBe(expected);
  });
});
