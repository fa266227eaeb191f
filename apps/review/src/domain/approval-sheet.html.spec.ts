import { describe, expect, it } from 'vitest';
import type { ApprovalSheetView } from '@sanshen/contracts';
import { escapeHtml } from '@sanshen/kernel';
import { renderApprovalSheet } from './approval-sheet.html.js';

const sheet: ApprovalSheetView = {
  documentId: 'd-1',
  agencyName: '海东市工业和信息化局',
  title: '关于<script>alert(1)</script>的通知',
  kind: 'article',
  version: 2,
  contentHash: 'sha256:abc',
  status: 'pending_l3',
  departmentId: 'dep-1',
  departmentName: '产业发展科',
  column: '通知公告',
  drafter: { userId: 'u-1', displayName: '张信息员' },
  submittedAt: '2026-11-20T01:30:00.000Z',
  levels: [
    {
      level: 1,
      label: '科室负责人审核（一审）',
      decision: 'approved',
      signerId: 'u-2',
      signerName: '周发布员',
      onBehalfOf: { userId: 'u-3', displayName: '李科长' },
      signedAs: '周发布员 代 李科长',
      signedAt: '2026-11-20T02:00:00.000Z',
      opinion: '同意 & 发布 "<b>"',
    },
  ],
  history: [
    {
      level: 2,
      label: '分管领导审核（二审）',
      decision: 'approved',
      signerId: 'u-4',
      signerName: '王副局长',
      onBehalfOf: null,
      signedAs: '王副局长',
      signedAt: '2026-11-20T04:00:00.000Z',
      opinion: '同意',
    },
  ],
  earlierReturns: [
    {
      version: 1,
      level: 1,
      label: '科室负责人审核（一审）',
      decision: 'returned',
      signerId: 'u-3',
      signerName: '李科长',
      onBehalfOf: null,
      signedAs: '李科长',
      signedAt: '2026-11-19T04:00:00.000Z',
      opinion: '数据需核实',
    },
  ],
  secrecy: null,
  publication: null,
  generatedAt: '2026-11-20T03:00:00.000Z',
};

describe('renderApprovalSheet', () => {
  const html = renderApprovalSheet(sheet);

  it('is a zh-CN page with a print stylesheet', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@media print');
    expect(html).toContain('信息发布审批单');
  });

  it('runs no script, so the gateway\'s Content-Security-Policy (script-src \'self\') blocks nothing on it', () => {
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('escapes every value from the data', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('关于&lt;script&gt;alert(1)&lt;/script&gt;的通知');
    expect(html).toContain('同意 &amp; 发布 &quot;&lt;b&gt;&quot;');
  });

  it('shows the signer as "X 代 Y", the time in Beijing time, the hash, and unsigned levels as pending', () => {
    expect(html).toContain('周发布员 代 李科长');
    expect(html).toContain('2026-11-20 10:00');
    expect(html).toContain('sha256:abc');
    expect(html.match(/尚未签署/g)).toHaveLength(2);
    expect(html).toContain('尚未审查');
    expect(html).toContain('尚未发布');
  });

  it('shows the department and the 栏目', () => {
    expect(html).toContain('<tr><th>科室</th><td>产业发展科</td></tr>');
    expect(html).toContain('<tr><th>栏目</th><td>通知公告</td></tr>');
  });

  it('keeps the history clean: no opinion that only repeats the decision', () => {
    expect(html).toContain('王副局长：同意</li>');
    expect(html).not.toContain('同意（同意）');
  });

  it('lists the returns of earlier versions with their reason', () => {
    expect(html).toContain('此前版本的退回');
    expect(html).toContain('第 1 版\u3000');
    expect(html).toContain('李科长：退回起草人（数据需核实）');
  });

  it('leaves room for handwritten signatures and the seal', () => {
    expect(html.match(/签字：<span><\/span>日期：<span><\/span>/g)).toHaveLength(3);
    expect(html).toContain('海东市工业和信息化局（盖章）');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
