import type { ArticleAttachment } from '@sanshen/kernel';

/**
 * 附件 over request-reply. The bytes never travel over NATS: the gateway puts them in the attachment
 * store under their sha256 and names them by that hash; drafting reads them from the store.
 */
export interface AddAttachmentRequest {
  documentId: string;
  /** The version the drafter saw; the attachment makes the next one. */
  version: number;
  sha256: string;
  size: number;
  /** The uploaded name, already checked by the gateway (`attachmentFilename`), checked again. */
  filename: string;
}

export interface RemoveAttachmentRequest {
  documentId: string;
  version: number;
  sha256: string;
}

export interface GetAttachmentRequest {
  documentId: string;
  /** Default: the current version. */
  version?: number;
  sha256: string;
}

/** An attachment of a version the caller may read; the bytes are read from the store by hash. */
export type AttachmentView = ArticleAttachment;

export interface AttachmentTextRequest {
  documentId: string;
  version: number;
  sha256: string;
}

/** The text drafting extracted from an attachment (null: none — an image, or not extractable). */
export interface AttachmentTextView {
  sha256: string;
  text: string | null;
}

/**
 * `PUT /api/attachments/<sha256>` at the portal: the raw bytes (`application/octet-stream`),
 * `X-Sanshen-Signature` over them, before the push that lists them. Idempotent; the portal checks
 * the bytes hash to the name.
 */
export interface PortalAttachment {
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
}
