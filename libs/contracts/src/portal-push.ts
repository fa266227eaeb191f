import type { CatalogueEntry, DocumentKind } from '@sanshen/kernel';
import type { PortalAttachment } from './attachments.js';

/**
 * The portal push contract (ARCHITECTURE.md "Portal push contract"): POST /api/push with this body,
 * `X-Sanshen-Signature: sha256=<hex HMAC-SHA256 of the raw body>` and `Idempotency-Key: <publicationId>`.
 * A 2xx `{url}` is the receipt; a repeated key returns the same receipt; other 4xx fail permanently;
 * 5xx and timeouts are retried.
 */
export interface PortalPush {
  publicationId: string;
  documentId: string;
  version: number;
  contentHash: string;
  kind: DocumentKind;
  agency: { id: string; name: string };
  title: string;
  /** Sanitized HTML of the body, ready to embed in the portal's page. */
  html: string;
  /** Structured content (annual reports: the tables), for the JSON feed. */
  data: unknown;
  publishedAt: string;
  /** Website column (栏目) of an article; 年度报告 for annual reports. */
  column?: string;
  /** Annual reports only. */
  year?: number | null;
  /**
   * The 政府信息公开目录 metadata (索引号, 发布机构, column code, 成文日期, 文号, 主题分类, 公开方式); optional so
   * pushes from before it are accepted (the portal then shows what it knows). 发布日期 is the portal's.
   */
  catalogue?: CatalogueEntry;
  /** 附件, uploaded before the push (`PUT /api/attachments/<sha256>`); absent when there are none. */
  attachments?: PortalAttachment[];
}

export interface PortalReceipt {
  url: string;
  publishedAt: string;
  contentHash: string;
}

export const PORTAL_SIGNATURE_HEADER = 'x-sanshen-signature';
export const PORTAL_IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * `POST /api/retract`, signed like a push (same headers; `Idempotency-Key: <publicationId>`): the
 * document's page is withdrawn and answers 410 with a notice. Repeating it changes nothing.
 */
export interface PortalRetract {
  documentId: string;
  /** The publication whose page is withdrawn (any published version of the document). */
  publicationId: string;
  reason: string;
}

export interface PortalRetractReceipt {
  url: string;
  retractedAt: string;
}

/** A push whose `publishedAt` is further than this from the portal's clock is refused (replay guard). */
export const PORTAL_PUSH_MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
