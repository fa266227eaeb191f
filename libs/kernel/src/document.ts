/** Vocabulary of the document lifecycle (ARCHITECTURE.md "The document state machine"). */
export const DOCUMENT_STATUSES = [
  'draft',
  'pending_l1',
  'pending_l2',
  'pending_l3',
  'pending_secrecy',
  'approved',
  'publishing',
  'published',
  'publish_failed',
  'retracted',
  'discarded',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_EVENT_TYPES = [
  'created',
  'revised',
  'submitted',
  'withdrawn',
  'approved_l1',
  'approved_l2',
  'approved_l3',
  'returned',
  'returned_previous',
  'resumed',
  'secrecy_cleared',
  'secrecy_returned',
  'publish_started',
  'published',
  'publish_failed',
  'publish_retried',
  'retracted',
  'correction_started',
  'discarded',
] as const;
export type DocumentEventType = (typeof DOCUMENT_EVENT_TYPES)[number];

export const DOCUMENT_KINDS = ['annual_report', 'article'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const STATUS_LABELS = {
  draft: '草稿',
  pending_l1: '待科室负责人审核',
  pending_l2: '待分管领导审核',
  pending_l3: '待主要领导审定',
  pending_secrecy: '待保密审查',
  approved: '待发布',
  publishing: '发布中',
  published: '已发布',
  publish_failed: '发布失败',
  retracted: '已撤稿',
  discarded: '已删除',
} as const satisfies Record<DocumentStatus, string>;

export function isDocumentEventType(value: unknown): value is DocumentEventType {
  return typeof value === 'string' && (DOCUMENT_EVENT_TYPES as readonly string[]).includes(value);
}
