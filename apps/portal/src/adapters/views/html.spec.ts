import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../use-cases/show-page/show-page.use-case.js';
import { chineseDate } from './html.js';
import { documentPage, errorPage, homePage } from './pages.js';

const hostile = `<script>alert("x")</script>&'`;
const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';

describe('portal page templates', () => {
  const view = {
    page: { documentId: 'd-1', agencyId: `a"1`, agencyName: hostile, title: hostile, kind: 'article', columnName: '通知公告', html: '<p>正文</p>' },
    firstPublishedAt: new Date('2026-01-31T16:30:00Z'),
    corrections: [],
    retraction: null,
  } as unknown as DocumentView;

  it('escapes every value, in text and in attributes', () => {
    const page = documentPage('站点', view);
    expect(page).not.toContain('<script>');
    expect(page).toContain(`<h1>${escaped}</h1>`);
    expect(homePage(hostile, { agencies: [], latest: [] })).toContain(`<meta name="description" content="${escaped}：`);
    expect(errorPage('站点', hostile)).toContain(`<code>${escaped}</code>`);
  });

  it('embeds the stored sanitized body as it is, and writes dates in Beijing time', () => {
    const page = documentPage('站点', view);
    expect(page).toContain('<div class="content">\n<p>正文</p>\n</div>');
    expect(page).toContain('<time datetime="2026-01-31T16:30:00.000Z">2026年2月1日</time>');
  });

  it('lists attachments with escaped names, linked by hash, with their size', () => {
    const sha256 = 'a'.repeat(64);
    const withFiles = { ...view, page: { ...view.page, attachments: [{ sha256, filename: `${hostile}.pdf`, mediaType: 'application/pdf', size: 187_000 }] } } as unknown as DocumentView;
    const page = documentPage('站点', withFiles);
    expect(page).toContain(`<a href="/items/d-1/attachments/${sha256}" download>${escaped}.pdf</a>（183 KB）`);
    expect(documentPage('站点', withFiles, { preview: true })).not.toContain('/attachments/');
  });

  it('writes dates in Beijing time', () => {
    expect(chineseDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026年2月1日');
  });
});
