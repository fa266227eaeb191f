import type { AnnualReportContent } from '@sanshen/annual-report';
import type { ArticleAttachment, ArticleContent } from '@sanshen/kernel';
import { checkText, DomainError, isArticleContent, sanitizeRichText } from '@sanshen/kernel';
import type { TextMode } from '@sanshen/kernel';

/** A version's content: an article's or an annual report's, one shape each from drafting to the portal. */
export type DocumentContent = ArticleContent | AnnualReportContent;

/** A stored article version's content, checked: drafting wrote it, so another shape is a defect, not a request error. */
export function articleOf(content: DocumentContent): ArticleContent {
  if (!isArticleContent(content)) throw new Error('stored article content has an unexpected shape');
  return content;
}

export function newArticleContent(input: { title: string; column: string; body: string; attachments?: ArticleAttachment[] }): ArticleContent {
  return {
    title: policedText('title', input.title.trim(), 'single'),
    column: policedText('column', input.column.trim(), 'single'),
    body: sanitizeRichText(input.body),
    // Absent when empty: a version without attachments hashes as before they existed.
    ...(input.attachments === undefined || input.attachments.length === 0 ? {} : { attachments: input.attachments }),
  };
}

/**
 * The input policy again behind the gateway (defence in depth): a refused character is 422 naming
 * the field, never a string PostgreSQL cannot store or a spoofed title on the portal.
 */
export function policedText(field: string, value: string, mode: TextMode): string {
  const checked = checkText(value, mode);
  if (!checked.ok) throw new DomainError('REQUEST.TEXT_INVALID', { field, violation: checked.error.kind, index: checked.error.index, codePoint: checked.error.codePoint });
  return checked.value;
}

export function annualReportTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}

/** Applies a partial edit of an article; only known members are taken, rich text is sanitized. */
export function reviseArticleContent(current: ArticleContent, patch: Record<string, unknown>): ArticleContent {
  const text = (key: 'title' | 'column' | 'body'): string => {
    const value = patch[key];
    if (value === undefined) return current[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new DomainError('REQUEST.INVALID', { field: key }, `字段 ${key} 必须是非空文本`);
    }
    return value;
  };
  // Attachments change only through their own requests (drafting.attachment.add / remove).
  return newArticleContent({ title: text('title'), column: text('column'), body: text('body'), ...(current.attachments === undefined ? {} : { attachments: current.attachments }) });
}
