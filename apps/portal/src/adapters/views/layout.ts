import { createHash } from 'node:crypto';
import { renderTemplate } from './html.js';

/** Small, readable on a phone, printable on A4; no web fonts, no scripts. */
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.75 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f2328;background:#fff}
a{color:#0b57d0}
a:focus-visible{outline:3px solid #b3261e;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;z-index:1;background:#fff;padding:.25rem .5rem}
.site{background:#b3261e;color:#fff}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
.site a{color:#fff;text-decoration:none}
.site .name{font-size:1.25rem;font-weight:700;padding:.75rem 0}
.site nav a{margin-left:1rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.crumbs{font-size:.875rem;color:#57606a;margin:1rem 0 0}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";margin:0 .5rem}
main{padding:1rem 0 2rem}
h1{font-size:1.6rem;line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid #d0d7de}
h3{font-size:1.1rem}
.meta{color:#57606a;font-size:.9rem;margin:0 0 1rem}
.meta span+span::before{content:"｜";margin:0 .25rem}
.note{border-left:4px solid #bf8700;background:#fff8c5;padding:.5rem 1rem;margin:1rem 0}
.note p{margin:.25rem 0}
.gone{border-left:4px solid #b3261e;background:#ffebe9;padding:1rem;margin:1rem 0}
.list{list-style:none;margin:0;padding:0}
.list li{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;border-bottom:1px dashed #d0d7de}
.list time,.list .by{color:#57606a;white-space:nowrap;font-size:.9rem}
.agencies{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem;list-style:none;margin:0;padding:0}
.agencies a{display:block;padding:.75rem 1rem;border:1px solid #d0d7de;border-radius:6px;text-decoration:none}
.content{overflow-x:auto}
.search{display:flex;gap:.25rem;margin:.5rem 0}
.search input{font:inherit;padding:.25rem .5rem;border:1px solid #d0d7de;border-radius:4px;min-width:12rem}
.search button{font:inherit;padding:.25rem .75rem}
.columns{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.catalogue{width:100%}
.catalogue th{width:12%;white-space:nowrap}
.catalogue td{text-align:left;width:38%}
.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.excerpt{color:#57606a;font-size:.9rem;margin:.25rem 0 0}
.content img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
caption{font-weight:700;padding:.5rem;text-align:left}
th,td{border:1px solid #8c959f;padding:.35rem .5rem;vertical-align:top}
th{background:#f6f8fa;text-align:center}
td{text-align:right}
td:first-child{text-align:left}
footer{border-top:1px solid #d0d7de;color:#57606a;font-size:.875rem;padding:1rem 0 2rem}
@media (max-width:40rem){.list li{flex-direction:column;gap:0}h1{font-size:1.35rem}}
@media print{
  @page{size:A4;margin:18mm 15mm}
  body{font-size:11pt;color:#000}
  .site,.crumbs,.skip,footer nav,.pager,.search{display:none}
  .wrap{max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  .content a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt}
  .content{overflow:visible}
  table{page-break-inside:auto}
  tr,th,td{page-break-inside:avoid}
  thead{display:table-header-group}
  th{background:none}
  .note,.gone{background:none}
}`;

/** The stylesheet is the only thing the Content-Security-Policy lets run: no script at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  'img-src http: https:',
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface Crumb {
  label: string;
  href?: string;
}

export interface Layout {
  siteName: string;
  title: string;
  crumbs?: Crumb[];
  description?: string;
}

/** Every page: zh-CN, one h1 (in `body`), a skip link, breadcrumbs, the feed linked. `body` is rendered markup. */
export function layout(options: Layout, body: string): string {
  const fullTitle = options.title === options.siteName ? options.siteName : `${options.title} - ${options.siteName}`;
  // The stylesheet is a constant, embedded as it is (its quotes must stay quotes).
  return renderTemplate('layout', { ...options, crumbs: options.crumbs ?? [], fullTitle, css: CSS, body });
}
