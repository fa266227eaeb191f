import type { ArticleCatalogue } from './catalogue.js';
import { isArticleAttachment } from './attachment.js';
import type { ArticleAttachment } from './attachment.js';

/**
 * An article's content (an ordinary website item): title, column (栏目) and rich text sanitized by
 * `sanitizeRichText`. The one shape of an article version from drafting to the portal.
 */
export interface ArticleContent {
  title: string;
  /** The code of one of the agency's managed columns (栏目), e.g. `tzgg` (older versions: a free name). */
  column: string;
  /** Sanitized HTML. */
  body: string;
  /** 公开目录 fields the drafter fills (成文日期, 文号, 主题分类, 公开方式); absent on older versions. */
  catalogue?: ArticleCatalogue;
  /**
   * 附件, in the order shown. Absent when there are none, so a version without attachments hashes
   * as it always did.
   */
  attachments?: ArticleAttachment[];
}

/** A shape check of stored or fetched content (title, column and body are strings). */
export function isArticleContent(content: unknown): content is ArticleContent {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return false;
  const { title, column, body, catalogue, attachments } = content as Record<string, unknown>;
  const catalogueShape = catalogue === undefined || (typeof catalogue === 'object' && catalogue !== null && !Array.isArray(catalogue));
  if (attachments !== undefined && !(Array.isArray(attachments) && attachments.every(isArticleAttachment))) return false;
  return typeof title === 'string' && typeof column === 'string' && typeof body === 'string' && catalogueShape;
}
