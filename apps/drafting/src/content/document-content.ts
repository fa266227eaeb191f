import type { AnnualReportContent } from '@sanshen/annual-report';
import type { ArticleAttachment, ArticleCatalogue, ArticleContent } from '@sanshen/kernel';
import { characterLength, checkText, DomainError, isArticleContent, isCalendarDate, isOpenness, sanitizeRichText } from '@sanshen/kernel';
import type { TextMode } from '@sanshen/kernel';

/** A version's content: an article's or an annual report's, one shape each from drafting to the portal. */
export type DocumentContent = ArticleContent | AnnualReportContent;

/** A stored article version's content, checked: drafting wrote it, so another shape is a defect, not a request error. */
export function articleOf(content: DocumentContent): ArticleContent {
  if (!isArticleContent(content)) throw new Error('stored article content has an unexpected shape');
  return content;
}

export function newArticleContent(input: { title: string; column: string; body: string; catalogue?: unknown; attachments?: ArticleAttachment[] }): ArticleContent {
  const catalogue = input.catalogue === undefined || input.catalogue === null ? undefined : articleCatalogue(input.catalogue);
  return {
    title: policedText('title', input.title.trim(), 'single'),
    column: policedText('column', input.column.trim(), 'single'),
    body: sanitizeRichText(input.body),
    ...(catalogue !== undefined && Object.keys(catalogue).length > 0 ? { catalogue } : {}),
    // Absent when empty: a version without attachments hashes as before they existed.
    ...(input.attachments === undefined || input.attachments.length === 0 ? {} : { attachments: input.attachments }),
  };
}

/**
 * The 公开目录 fields of an article, checked for shape (whether the 主题分类 is in the agency's list is the
 * catalogue check's, which knows the settings). Empty strings mean "not given"; unknown members are refused.
 */
export function articleCatalogue(input: unknown): ArticleCatalogue {
  const invalid = (field: string, problem: string): never => {
    throw new DomainError('CATALOGUE.FIELD_INVALID', { field: `catalogue.${field}`, problem });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('', '须为对象');
  const given = input as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !['writtenOn', 'documentNumber', 'topic', 'openness'].includes(key));
  if (unknown !== undefined) invalid(unknown, '不允许的字段');
  const text = (key: string): string | undefined => {
    const value = given[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return invalid(key, '须为文本');
    const trimmed = policedText(`catalogue.${key}`, value.trim(), 'single');
    return trimmed === '' ? undefined : trimmed;
  };
  const writtenOn = text('writtenOn');
  if (writtenOn !== undefined && !isCalendarDate(writtenOn)) invalid('writtenOn', '成文日期须为有效日期（YYYY-MM-DD）');
  const documentNumber = text('documentNumber');
  if (documentNumber !== undefined && characterLength(documentNumber) > 50) invalid('documentNumber', '文号至多50个字符');
  const topic = text('topic');
  const openness = text('openness');
  if (openness !== undefined && !isOpenness(openness)) invalid('openness', '公开方式须为“主动公开”或“依申请公开”');
  return {
    ...(writtenOn !== undefined ? { writtenOn } : {}),
    ...(documentNumber !== undefined ? { documentNumber } : {}),
    ...(topic !== undefined ? { topic } : {}),
    ...(openness !== undefined && isOpenness(openness) ? { openness } : {}),
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
  // `catalogue` given replaces the whole entry (null removes it); absent keeps the current one.
  const catalogue = 'catalogue' in patch ? patch.catalogue : current.catalogue;
  // Attachments change only through their own requests (drafting.attachment.add / remove).
  return newArticleContent({
    title: text('title'),
    column: text('column'),
    body: text('body'),
    catalogue,
    ...(current.attachments === undefined ? {} : { attachments: current.attachments }),
  });
}
