import type { ApprovalSheetSignature, ApprovalSheetView } from '@sanshen/contracts';
import { escapeHtml } from '@sanshen/kernel';

const KIND_LABELS: Record<ApprovalSheetView['kind'], string> = {
  annual_report: '政府信息公开工作年度报告',
  article: '网站信息',
};

const CONCLUSION_LABELS: Record<string, string> = { public: '可以公开', return: '退回修改', refer: '报上级审查' };

const DECISION_LABELS: Record<ApprovalSheetSignature['decision'], string> = {
  approved: '同意',
  returned: '退回起草人',
  returned_previous: '驳回上一级',
};

/** Beijing time, "2026-11-22 09:30". */
function formatTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const STYLE = `
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; margin: 2em auto; max-width: 800px; }
  h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin-bottom: 0.2em; }
  .agency { text-align: center; margin-bottom: 1.5em; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 0.5em 0.6em; vertical-align: top; text-align: left; word-break: break-all; }
  th { width: 9em; font-weight: normal; background: #f4f4f4; }
  .opinion { min-height: 3em; white-space: pre-wrap; }
  .sign { text-align: right; margin-top: 0.6em; }
  .hash { font-family: monospace; font-size: 9pt; }
  .history { margin-top: 1.5em; font-size: 10pt; }
  .pending { color: #666; }
  .handwritten { margin-top: 1.2em; display: flex; justify-content: space-between; }
  .handwritten span { display: inline-block; min-width: 12em; border-bottom: 1px solid #000; }
  .seal { margin-top: 2.5em; text-align: right; line-height: 2.2; }
  @media print {
    body { margin: 0; max-width: none; }
    th { background: none; }
    .no-print { display: none; }
    @page { size: A4; margin: 20mm; }
  }`;

/** Room for the handwritten signature and date on the printed sheet. */
const HANDWRITTEN = '<div class="handwritten">签字：<span></span>日期：<span></span></div>';

function signatureCell(signature: ApprovalSheetSignature | undefined): string {
  if (signature === undefined) return `<td><div class="opinion pending">（尚未签署）</div>${HANDWRITTEN}</td>`;
  return `<td><div class="opinion">${escapeHtml(signature.opinion ?? DECISION_LABELS[signature.decision])}</div>
    <div class="sign">签署人：${escapeHtml(signature.signedAs)}\u3000${escapeHtml(formatTime(signature.signedAt))}</div>${HANDWRITTEN}</td>`;
}

/** One line of a history: when, which level, who, what — and the opinion unless it only repeats the decision. */
function historyLine(signature: ApprovalSheetSignature, prefix = ''): string {
  const decision = DECISION_LABELS[signature.decision];
  const opinion = signature.opinion?.trim() ?? '';
  const said = opinion === '' || opinion === decision ? '' : `（${escapeHtml(opinion)}）`;
  return `<li>${prefix}${escapeHtml(formatTime(signature.signedAt))}\u3000${escapeHtml(signature.label)}\u3000${escapeHtml(signature.signedAs)}：${escapeHtml(decision)}${said}</li>`;
}

/** The 信息发布审批单 of one version as a printable zh-CN page. Every value from the data is escaped. */
export function renderApprovalSheet(sheet: ApprovalSheetView): string {
  const level = (n: 1 | 2 | 3) => sheet.levels.find((signature) => signature.level === n);
  const rows = [
    `<tr><th>标题</th><td>${escapeHtml(sheet.title)}</td></tr>`,
    `<tr><th>类别</th><td>${escapeHtml(KIND_LABELS[sheet.kind])}</td></tr>`,
    `<tr><th>科室</th><td>${escapeHtml(sheet.departmentName)}</td></tr>`,
    ...(sheet.kind === 'article' ? [`<tr><th>栏目</th><td>${escapeHtml(sheet.column ?? '')}</td></tr>`] : []),
    `<tr><th>拟稿人</th><td>${escapeHtml(sheet.drafter.displayName)}\u3000提交时间：${escapeHtml(formatTime(sheet.submittedAt))}</td></tr>`,
    `<tr><th>版本</th><td>第 ${sheet.version} 版</td></tr>`,
    `<tr><th>内容摘要值</th><td class="hash">${escapeHtml(sheet.contentHash)}</td></tr>`,
    `<tr><th>科室负责人审核意见</th>${signatureCell(level(1))}</tr>`,
    `<tr><th>分管领导审核意见</th>${signatureCell(level(2))}</tr>`,
    `<tr><th>主要领导审定意见</th>${signatureCell(level(3))}</tr>`,
    sheet.secrecy
      ? `<tr><th>保密审查意见</th><td><div class="opinion">${escapeHtml(CONCLUSION_LABELS[sheet.secrecy.conclusion] ?? sheet.secrecy.conclusion)}。${escapeHtml(sheet.secrecy.opinion)}
    依据：${escapeHtml(sheet.secrecy.basis)}</div><div class="sign">审查人：${escapeHtml(sheet.secrecy.reviewerName)}\u3000${escapeHtml(formatTime(sheet.secrecy.decidedAt))}</div></td></tr>`
      : '<tr><th>保密审查意见</th><td><div class="opinion pending">（尚未审查）</div></td></tr>',
    sheet.publication
      ? `<tr><th>发布回执</th><td>${escapeHtml(formatTime(sheet.publication.publishedAt))} 发布于 <span class="hash">${escapeHtml(sheet.publication.url)}</span></td></tr>`
      : '<tr><th>发布回执</th><td class="pending">（尚未发布）</td></tr>',
  ];
  const history = sheet.history.map((signature) => historyLine(signature)).join('\n');
  const earlier =
    sheet.earlierReturns.length === 0
      ? ''
      : `<div class="history"><div>此前版本的退回</div><ol>
${sheet.earlierReturns.map((signature) => historyLine(signature, `第 ${signature.version} 版\u3000`)).join('\n')}
</ol></div>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>信息发布审批单 — ${escapeHtml(sheet.title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<h1>信息发布审批单</h1>
<div class="agency">${escapeHtml(sheet.agencyName)}</div>
<table>
${rows.join('\n')}
</table>
<div class="history"><div>审核记录（本版本）</div><ol>
${history}
</ol></div>
${earlier}
<div class="seal">${escapeHtml(sheet.agencyName)}（盖章）<br>年\u3000\u3000月\u3000\u3000日</div>
<p class="no-print"><button onclick="window.print()">打印</button></p>
</body>
</html>
`;
}
