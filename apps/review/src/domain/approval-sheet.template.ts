/** The 信息发布审批单 (eta; `it` is the view built in approval-sheet.html.ts). No script: the page is printed with the browser's own command. */
const SHEET = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>信息发布审批单 — <%= it.title %></title>
<style><%~ it.style %>
</style>
</head>
<body>
<h1>信息发布审批单</h1>
<div class="agency"><%= it.agencyName %></div>
<table>
<tr><th>标题</th><td><%= it.title %></td></tr>
<tr><th>类别</th><td><%= it.kind %></td></tr>
<tr><th>科室</th><td><%= it.departmentName %></td></tr>
<% if (it.column !== null) { %><tr><th>栏目</th><td><%= it.column %></td></tr>
<% } %><tr><th>拟稿人</th><td><%= it.drafter %>\u3000提交时间：<%= it.submittedAt %></td></tr>
<tr><th>版本</th><td>第 <%= it.version %> 版</td></tr>
<tr><th>内容摘要值</th><td class="hash"><%= it.contentHash %></td></tr>
<% for (const level of it.levels) { %><tr><th><%= level.heading %></th><% if (level.signature === null) { %><td><div class="opinion pending">（尚未签署）</div><%~ include('@handwritten', {}) %></td><% } else { %><td><div class="opinion"><%= level.signature.opinion %></div>
    <div class="sign">签署人：<%= level.signature.signedAs %>\u3000<%= level.signature.signedAt %></div><%~ include('@handwritten', {}) %></td><% } %></tr>
<% } %><% if (it.secrecy !== null) { %><tr><th>保密审查意见</th><td><div class="opinion"><%= it.secrecy.conclusion %>。<%= it.secrecy.opinion %>
    依据：<%= it.secrecy.basis %></div><div class="sign">审查人：<%= it.secrecy.reviewerName %>\u3000<%= it.secrecy.decidedAt %></div></td></tr>
<% } else { %><tr><th>保密审查意见</th><td><div class="opinion pending">（尚未审查）</div></td></tr>
<% } %><% if (it.publication !== null) { %><tr><th>发布回执</th><td><%= it.publication.publishedAt %> 发布于 <span class="hash"><%= it.publication.url %></span></td></tr>
<% } else { %><tr><th>发布回执</th><td class="pending">（尚未发布）</td></tr>
<% } %></table>
<div class="history"><div>审核记录（本版本）</div><ol>
<%~ include('@history', { lines: it.history }) %>
</ol></div>
<% if (it.earlierReturns.length > 0) { %><div class="history"><div>此前版本的退回</div><ol>
<%~ include('@history', { lines: it.earlierReturns }) %>
</ol></div><% } %>
<div class="seal"><%= it.agencyName %>（盖章）<br>年\u3000\u3000月\u3000\u3000日</div>
<p class="no-print">打印本审批单：使用浏览器的打印功能（Ctrl+P）。</p>
</body>
</html>
`;

/** One line per signature: when, which level, who, what, and the opinion unless it only repeats the decision. */
const HISTORY = `<% it.lines.forEach((line, index) => { %><% if (index > 0) { %>
<% } %><li><%= line.prefix %><%= line.signedAt %>\u3000<%= line.label %>\u3000<%= line.signedAs %>：<%= line.decision %><% if (line.opinion !== '') { %>（<%= line.opinion %>）<% } %></li><% }) %>`;

/** Room for the handwritten signature and date on the printed sheet. */
const HANDWRITTEN = '<div class="handwritten">签字：<span></span>日期：<span></span></div>';

export const APPROVAL_SHEET_TEMPLATES = { sheet: SHEET, history: HISTORY, handwritten: HANDWRITTEN };
