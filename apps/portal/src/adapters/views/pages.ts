import type { AgencyView } from '../../use-cases/show-agency/show-agency.use-case.js';
import type { HomeView } from '../../use-cases/show-home/show-home.use-case.js';
import type { DocumentView } from '../../use-cases/show-page/show-page.use-case.js';
import type { ColumnPageView } from '../../use-cases/show-column/show-column.use-case.js';
import type { SearchView } from '../../use-cases/search-pages/search-pages.use-case.js';
import { agencyPath } from '../../use-cases/page-url.js';
import { renderTemplate } from './html.js';
import { layout } from './layout.js';

const HOME = { label: '首页', href: '/' };

export function homePage(siteName: string, view: HomeView): string {
  return layout(
    { siteName, title: siteName, description: `${siteName}：各机关政府信息公开年度报告与最新信息` },
    renderTemplate('home', { siteName, ...view }),
  );
}

export function agencyPage(siteName: string, view: AgencyView): string {
  const { agency } = view;
  return layout({ siteName, title: `${agency.name}政府信息公开`, crumbs: [HOME, { label: agency.name }] }, renderTemplate('agency', view));
}

export function columnPage(siteName: string, view: ColumnPageView): string {
  const { agency, column, pagination } = view;
  const title = pagination.page > 1 ? `${column.name}（第${pagination.page}页）` : column.name;
  return layout({ siteName, title: `${title} - ${agency.name}`, crumbs: [HOME, { label: agency.name, href: agencyPath(agency.id) }, { label: column.name }] }, renderTemplate('column', view));
}

export function searchPage(siteName: string, view: SearchView): string {
  return layout({ siteName, title: view.query === '' ? '站内搜索' : `搜索：${view.query}`, crumbs: [HOME, { label: '站内搜索' }] }, renderTemplate('search', view));
}

/** An article or an annual report: title, publisher, date, corrections, then the stored body (sanitized on receipt). */
export function documentPage(siteName: string, view: DocumentView, options: { preview?: boolean } = {}): string {
  const { page } = view;
  const section = page.kind === 'annual_report' ? '年度报告' : page.columnName;
  return layout(
    {
      siteName,
      title: page.title,
      crumbs: [HOME, { label: page.agencyName, href: agencyPath(page.agencyId) }, { label: section }, { label: page.title }],
    },
    renderTemplate('document', { ...view, section, preview: options.preview === true, fileSize }),
  );
}

/** A file size for people: 183 KB, 2.4 MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What a withdrawn document's address shows (with 410): the notice, never the content. */
export function retractedPage(siteName: string, view: DocumentView & { retraction: { at: Date; reason: string } }): string {
  const { page } = view;
  return layout(
    { siteName, title: `已撤稿：${page.title}`, crumbs: [HOME, { label: page.agencyName, href: agencyPath(page.agencyId) }, { label: '已撤稿' }] },
    renderTemplate('retracted', view),
  );
}

export function notFoundPage(siteName: string): string {
  return layout({ siteName, title: '页面不存在', crumbs: [HOME, { label: '页面不存在' }] }, renderTemplate('notFound', {}));
}

export function badRequestPage(siteName: string, message: string): string {
  return layout({ siteName, title: '请求参数不正确', crumbs: [HOME, { label: '请求参数不正确' }] }, renderTemplate('badRequest', { message }));
}

export function errorPage(siteName: string, errorId: string): string {
  return layout({ siteName, title: '服务暂时不可用' }, renderTemplate('error', { errorId }));
}
