import type { PageSummary } from '../../persistence/page.repository.js';
import type { AgencyView } from '../../use-cases/show-agency/show-agency.use-case.js';
import type { HomeView } from '../../use-cases/show-home/show-home.use-case.js';
import type { DocumentView } from '../../use-cases/show-page/show-page.use-case.js';
import { agencyPath, pagePath } from '../../use-cases/page-url.js';
import { dateTag, html, sanitized } from './html.js';
import type { SafeHtml } from './html.js';
import { layout } from './layout.js';

const HOME = { label: '首页', href: '/' };

export function homePage(siteName: string, view: HomeView): string {
  return layout(
    { siteName, title: siteName, description: `${siteName}：各机关政府信息公开年度报告与最新信息` },
    html`<h1>${siteName}</h1>
<section aria-labelledby="agencies">
<h2 id="agencies">机关单位</h2>
${
  view.agencies.length > 0
    ? html`<ul class="agencies">${view.agencies.map((agency) => html`<li><a href="${agencyPath(agency.id)}">${agency.name}</a></li>`)}</ul>`
    : html`<p>暂无已公开信息的机关单位。</p>`
}
</section>
<section aria-labelledby="latest">
<h2 id="latest">最新信息</h2>
${itemList(view.latest, true)}
</section>`,
  );
}

export function agencyPage(siteName: string, view: AgencyView): string {
  const { agency } = view;
  return layout(
    { siteName, title: `${agency.name}政府信息公开`, crumbs: [HOME, { label: agency.name }] },
    html`<h1>${agency.name}政府信息公开</h1>
<section aria-labelledby="reports">
<h2 id="reports">政府信息公开工作年度报告</h2>
${
  view.reports.length > 0
    ? html`<ul class="list">${view.reports.map(
        (report) => html`<li><a href="${pagePath(report)}">${report.year}年度：${report.title}</a>${dateTag(report.firstPublishedAt)}</li>`,
      )}</ul>`
    : html`<p>暂无年度报告。</p>`
}
</section>
${view.columns.map(
  (column, index) => html`<section aria-labelledby="column-${index}">
<h2 id="column-${index}">${column.name}</h2>
${itemList(column.items, false)}
</section>`,
)}`,
  );
}

/** An article or an annual report: title, publisher, date, corrections, then the stored body. */
export function documentPage(siteName: string, view: DocumentView, options: { preview?: boolean } = {}): string {
  const { page } = view;
  const section = page.kind === 'annual_report' ? '年度报告' : page.columnName;
  return layout(
    {
      siteName,
      title: page.title,
      crumbs: [HOME, { label: page.agencyName, href: agencyPath(page.agencyId) }, { label: section }, { label: page.title }],
    },
    html`<article>
${options.preview ? html`<div class="note" role="note"><p><strong>预览：</strong>本页尚未发布，仅供审核和保密审查查看，正式发布后以门户网站所示为准。</p></div>` : ''}
<h1>${page.title}</h1>
<p class="meta"><span>发布机关：${page.agencyName}</span><span>栏目：${section}</span><span>发布日期：${dateTag(view.firstPublishedAt)}</span></p>
${
  view.corrections.length > 0
    ? html`<div class="note" role="note">${view.corrections.map(
        (correction) => html`<p><strong>更正说明：</strong>本文于 ${dateTag(correction.at)} 更正。</p>`,
      )}</div>`
    : ''
}
<div class="content">
${sanitized(page.html)}
</div>
</article>`,
  );
}

/** What a withdrawn document's address shows (with 410): the notice, never the content. */
export function retractedPage(siteName: string, view: DocumentView & { retraction: { at: Date; reason: string } }): string {
  const { page, retraction } = view;
  return layout(
    { siteName, title: `已撤稿：${page.title}`, crumbs: [HOME, { label: page.agencyName, href: agencyPath(page.agencyId) }, { label: '已撤稿' }] },
    html`<h1>已撤稿</h1>
<div class="gone" role="note">
<p>《${page.title}》已于 ${dateTag(retraction.at)} 撤稿。</p>
<p>撤稿原因：${retraction.reason}</p>
</div>
<p><a href="${agencyPath(page.agencyId)}">返回${page.agencyName}政府信息公开</a></p>`,
  );
}

export function notFoundPage(siteName: string): string {
  return layout(
    { siteName, title: '页面不存在', crumbs: [HOME, { label: '页面不存在' }] },
    html`<h1>页面不存在</h1>
<p>您访问的页面不存在或已被移除，请检查网址是否正确。</p>
<p><a href="/">返回首页</a></p>`,
  );
}

export function errorPage(siteName: string, errorId: string): string {
  return layout(
    { siteName, title: '服务暂时不可用' },
    html`<h1>服务暂时不可用</h1>
<p>页面暂时无法显示，请稍后再试。</p>
<p>错误编号：<code>${errorId}</code></p>
<p><a href="/">返回首页</a></p>`,
  );
}

function itemList(items: PageSummary[], withAgency: boolean): SafeHtml {
  if (items.length === 0) return html`<p>暂无信息。</p>`;
  return html`<ul class="list">${items.map(
    (item) =>
      html`<li><span><a href="${pagePath(item)}">${item.title}</a>${withAgency ? html` <span class="by">${item.agencyName}</span>` : ''}</span>${dateTag(item.firstPublishedAt)}</li>`,
  )}</ul>`;
}
