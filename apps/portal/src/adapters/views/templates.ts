/**
 * The portal's pages (eta, auto-escaped; see htmlTemplates). `it` carries the view and the helpers
 * (`pagePath`, `agencyPath`, `date`) that pages.ts adds; a page's body is wrapped by `layout`.
 */

/** Every page: zh-CN, one h1 (in the body), a skip link, breadcrumbs, the feed linked. */
const LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.fullTitle %></title>
<% if (it.description) { %><meta name="description" content="<%= it.description %>"><% } %>
<link rel="alternate" type="application/feed+json" title="<%= it.siteName %>" href="/feed.json">
<style><%~ it.css %></style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="wrap"><a class="name" href="/"><%= it.siteName %></a><nav aria-label="网站导航"><a href="/">首页</a><a href="/search">搜索</a><a href="/feed.json">订阅</a></nav></div></header>
<div class="wrap">
<% if (it.crumbs.length > 0) { %><nav class="crumbs" aria-label="当前位置"><ol><% it.crumbs.forEach((crumb, index) => { %><% if (index === it.crumbs.length - 1) { %><li aria-current="page"><%= crumb.label %></li><% } else if (crumb.href) { %><li><a href="<%= crumb.href %>"><%= crumb.label %></a></li><% } else { %><li><%= crumb.label %></li><% } %><% }) %></ol></nav><% } %>
<main id="main">
<%~ it.body %>
</main>
<footer><p><%= it.siteName %></p><nav aria-label="其他"><a href="/sitemap.xml">网站地图</a></nav></footer>
</div>
</body>
</html>
`;

const HOME = `<h1><%= it.siteName %></h1>
<section aria-labelledby="agencies">
<h2 id="agencies">机关单位</h2>
<% if (it.agencies.length > 0) { %><ul class="agencies"><% for (const agency of it.agencies) { %><li><a href="<%= it.agencyPath(agency.id) %>"><%= agency.name %></a></li><% } %></ul><% } else { %><p>暂无已公开信息的机关单位。</p><% } %>
</section>
<section aria-labelledby="latest">
<h2 id="latest">最新信息</h2>
<%~ include('@items', { ...it, items: it.latest, withAgency: true }) %>
</section>`;

const AGENCY = `<h1><%= it.agency.name %>政府信息公开</h1>
<section aria-labelledby="reports">
<h2 id="reports">政府信息公开工作年度报告</h2>
<% if (it.reports.length > 0) { %><ul class="list"><% for (const report of it.reports) { %><li><a href="<%= it.pagePath(report) %>"><%= report.year %>年度：<%= report.title %></a><%~ include('@time', { ...it, at: report.firstPublishedAt }) %></li><% } %></ul><% } else { %><p>暂无年度报告。</p><% } %>
</section>
<% if (it.columnLinks.length > 0) { %><nav aria-labelledby="column-nav"><h2 id="column-nav">栏目</h2><ul class="columns"><% for (const column of it.columnLinks) { %><li><a href="<%= it.columnPath(it.agency.id, column.code) %>"><%= column.name %></a>（<%= column.count %>）</li><% } %></ul></nav><% } %>
<% it.columns.forEach((column, index) => { %><section aria-labelledby="column-<%= index %>">
<h2 id="column-<%= index %>"><%= column.name %></h2>
<%~ include('@items', { ...it, items: column.items, withAgency: false }) %>
</section><% }) %>`;

/** One column (栏目) of an agency, a page at a time. */
const COLUMN = `<h1><%= it.column.name %></h1>
<p class="meta"><span><%= it.agency.name %></span><span>共 <%= it.pagination.total %> 条</span></p>
<%~ include('@items', { ...it, withAgency: false }) %>
<%~ include('@pager', { ...it, href: (page) => it.columnPath(it.agency.id, it.column.code, page) }) %>`;

/** Site search: the form, then the hits with an excerpt, a page at a time. */
const SEARCH = `<h1>站内搜索</h1>
<form class="search" role="search" action="/search" method="get"><label for="q">搜索词</label><input id="q" name="q" type="search" maxlength="50" value="<%= it.query %>"><button type="submit">搜索</button></form>
<% if (it.query !== '') { %><section aria-labelledby="hits">
<h2 id="hits">“<%= it.query %>”的搜索结果（共 <%= it.pagination.total %> 条）</h2>
<% if (it.items.length === 0) { %><p>没有找到相关信息。</p><% } else { %><ul class="list"><% for (const item of it.items) { %><li><span><a href="<%= it.pagePath(item) %>"><%= item.title %></a> <span class="by"><%= item.agencyName %> · <%= item.columnName %></span><p class="excerpt"><%= item.excerpt %></p></span><%~ include('@time', { ...it, at: item.firstPublishedAt }) %></li><% } %></ul><% } %>
<%~ include('@pager', { ...it, href: (page) => it.searchPath(it.query, page) }) %>
</section><% } %>`;

/** Previous / next links of a paginated list. */
const PAGER = `<% if (it.pagination.pages > 1) { %><nav class="pager" aria-label="分页"><% if (it.pagination.page > 1) { %><a rel="prev" href="<%= it.href(it.pagination.page - 1) %>">上一页</a><% } %><span>第 <%= it.pagination.page %> 页，共 <%= it.pagination.pages %> 页</span><% if (it.pagination.page < it.pagination.pages) { %><a rel="next" href="<%= it.href(it.pagination.page + 1) %>">下一页</a><% } %></nav><% } %>`;

/** The 政府信息公开目录 metadata table of a page (when its push carried the entry). */
const CATALOGUE = `<table class="catalogue"><caption>信息公开目录</caption><tbody>
<tr><th scope="row">索引号</th><td><%= it.entry.indexNumber %></td><th scope="row">主题分类</th><td><%= it.entry.topic %></td></tr>
<tr><th scope="row">发布机构</th><td><%= it.entry.publisher %></td><th scope="row">成文日期</th><td><time datetime="<%= it.entry.writtenOn %>"><%= it.day(it.entry.writtenOn) %></time></td></tr>
<tr><th scope="row">文号</th><td><%= it.entry.documentNumber ?? '无' %></td><th scope="row">发布日期</th><td><%~ include('@time', { ...it, at: it.firstPublishedAt }) %></td></tr>
<tr><th scope="row">公开方式</th><td><%= it.entry.openness %></td><th scope="row">栏目</th><td><%= it.entry.columnName %></td></tr>
</tbody></table>`;

/** An article or an annual report: title, publisher, date, corrections, then the stored (sanitized) body. */
const DOCUMENT = `<article>
<% if (it.preview) { %><div class="note" role="note"><p><strong>预览：</strong>本页尚未发布，仅供审核和保密审查查看，正式发布后以门户网站所示为准。</p></div><% } %>
<h1><%= it.page.title %></h1>
<% if (it.page.catalogue) { %><%~ include('@catalogue', { ...it, entry: it.page.catalogue }) %><% } %>
<p class="meta"><span>发布机关：<%= it.page.agencyName %></span><span>栏目：<%= it.section %></span><span>发布日期：<%~ include('@time', { ...it, at: it.firstPublishedAt }) %></span></p>
<% if (it.corrections.length > 0) { %><div class="note" role="note"><% for (const correction of it.corrections) { %><p><strong>更正说明：</strong>本文于 <%~ include('@time', { ...it, at: correction.at }) %> 更正。</p><% } %></div><% } %>
<div class="content">
<%~ it.page.html %>
</div>
<% const files = it.page.attachments ?? []; if (files.length > 0) { %><section aria-labelledby="attachments"><h2 id="attachments">附件</h2><ul class="attachments"><% for (const file of files) { %><li><% if (it.preview) { %><%= file.filename %><% } else { %><a href="/items/<%= encodeURIComponent(it.page.documentId) %>/attachments/<%= file.sha256 %>" download><%= file.filename %></a><% } %>（<%= it.fileSize(file.size) %>）</li><% } %></ul></section><% } %>
</article>`;

/** What a withdrawn document's address shows (with 410): the notice, never the content. */
const RETRACTED = `<h1>已撤稿</h1>
<div class="gone" role="note">
<p>《<%= it.page.title %>》已于 <%~ include('@time', { ...it, at: it.retraction.at }) %> 撤稿。</p>
<p>撤稿原因：<%= it.retraction.reason %></p>
</div>
<p><a href="<%= it.agencyPath(it.page.agencyId) %>">返回<%= it.page.agencyName %>政府信息公开</a></p>`;

const NOT_FOUND = `<h1>页面不存在</h1>
<p>您访问的页面不存在或已被移除，请检查网址是否正确。</p>
<p><a href="/">返回首页</a></p>`;

const BAD_REQUEST = `<h1>请求参数不正确</h1>
<p><%= it.message %></p>
<p><a href="/">返回首页</a></p>`;

const ERROR = `<h1>服务暂时不可用</h1>
<p>页面暂时无法显示，请稍后再试。</p>
<p>错误编号：<code><%= it.errorId %></code></p>
<p><a href="/">返回首页</a></p>`;

const ITEMS = `<% if (it.items.length === 0) { %><p>暂无信息。</p><% } else { %><ul class="list"><% for (const item of it.items) { %><li><span><a href="<%= it.pagePath(item) %>"><%= item.title %></a><% if (it.withAgency) { %> <span class="by"><%= item.agencyName %></span><% } %></span><%~ include('@time', { ...it, at: item.firstPublishedAt }) %></li><% } %></ul><% } %>`;

/** A machine-readable date for people: <time datetime="…">2026年11月21日</time> (Beijing time). */
const TIME = `<time datetime="<%= it.at.toISOString() %>"><%= it.date(it.at) %></time>`;

export const PORTAL_TEMPLATES = {
  layout: LAYOUT,
  home: HOME,
  agency: AGENCY,
  document: DOCUMENT,
  retracted: RETRACTED,
  notFound: NOT_FOUND,
  error: ERROR,
  badRequest: BAD_REQUEST,
  items: ITEMS,
  time: TIME,
  column: COLUMN,
  search: SEARCH,
  pager: PAGER,
  catalogue: CATALOGUE,
};
