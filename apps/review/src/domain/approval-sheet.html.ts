import type { ApprovalSheetSignature, ApprovalSheetView } from '@sanshen/contracts';
import { htmlTemplates } from '@sanshen/platform/core';
import { APPROVAL_SHEET_TEMPLATES } from './approval-sheet.template.js';

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

const render = htmlTemplates(APPROVAL_SHEET_TEMPLATES);

const LEVEL_HEADINGS = { 1: '科室负责人审核意见', 2: '分管领导审核意见', 3: '主要领导审定意见' } as const;

/** One line of a history; the opinion is left out when it only repeats the decision. */
function historyLine(signature: ApprovalSheetSignature, prefix = '') {
  const decision = DECISION_LABELS[signature.decision];
  const opinion = signature.opinion?.trim() ?? '';
  return { prefix, signedAt: formatTime(signature.signedAt), label: signature.label, signedAs: signature.signedAs, decision, opinion: opinion === decision ? '' : opinion };
}

/** The 信息发布审批单 of one version as a printable zh-CN page (eta, every value escaped). */
export function renderApprovalSheet(sheet: ApprovalSheetView): string {
  const { secrecy, publication } = sheet;
  return render('sheet', {
    style: STYLE,
    title: sheet.title,
    agencyName: sheet.agencyName,
    kind: KIND_LABELS[sheet.kind],
    departmentName: sheet.departmentName,
    column: sheet.kind === 'article' ? (sheet.column ?? '') : null,
    drafter: sheet.drafter.displayName,
    submittedAt: formatTime(sheet.submittedAt),
    version: sheet.version,
    contentHash: sheet.contentHash,
    levels: ([1, 2, 3] as const).map((level) => {
      const signature = sheet.levels.find((candidate) => candidate.level === level);
      return {
        heading: LEVEL_HEADINGS[level],
        signature: signature === undefined
          ? null
          : { opinion: signature.opinion ?? DECISION_LABELS[signature.decision], signedAs: signature.signedAs, signedAt: formatTime(signature.signedAt) },
      };
    }),
    secrecy: secrecy
      ? { ...secrecy, conclusion: CONCLUSION_LABELS[secrecy.conclusion] ?? secrecy.conclusion, decidedAt: formatTime(secrecy.decidedAt) }
      : null,
    publication: publication ? { url: publication.url, publishedAt: formatTime(publication.publishedAt) } : null,
    history: sheet.history.map((signature) => historyLine(signature)),
    earlierReturns: sheet.earlierReturns.map((signature) => historyLine(signature, `第 ${signature.version} 版\u3000`)),
  });
}
