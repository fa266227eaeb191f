import { checkText } from './text-policy.js';

/**
 * A file attached to an article version (附件). Its bytes live in the attachment store under their
 * sha256; the version's content carries this record, so the content hash — and every signature —
 * covers the file's hash and what it is called.
 */
export interface ArticleAttachment {
  /** Hex sha256 of the file's bytes (64 lowercase hex digits). */
  sha256: string;
  /** The name shown and offered on download (no path, at most 120 characters). */
  filename: string;
  /** The media type sniffed from the bytes, one of ATTACHMENT_TYPES. */
  mediaType: AttachmentMediaType;
  /** Size in bytes. */
  size: number;
}

/** What an attachment may be: the kind, its media type and the file-name extensions it may carry. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  ofd: { mediaType: 'application/ofd', extensions: ['ofd'] },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;
export type AttachmentMediaType = (typeof ATTACHMENT_TYPES)[AttachmentKind]['mediaType'];

export const MAX_ATTACHMENT_FILENAME = 120;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** The kind whose extensions include the file name's, or null. */
export function attachmentKindOfName(filename: string): AttachmentKind | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (extension === undefined) return null;
  for (const [kind, type] of Object.entries(ATTACHMENT_TYPES) as [AttachmentKind, (typeof ATTACHMENT_TYPES)[AttachmentKind]][]) {
    if ((type.extensions as readonly string[]).includes(extension)) return kind;
  }
  return null;
}

export function attachmentKindOfMediaType(mediaType: string): AttachmentKind | null {
  for (const [kind, type] of Object.entries(ATTACHMENT_TYPES) as [AttachmentKind, (typeof ATTACHMENT_TYPES)[AttachmentKind]][]) {
    if (type.mediaType === mediaType) return kind;
  }
  return null;
}

/**
 * An uploaded file's name as stored, or null when it is not acceptable: NFC, one line under the input
 * policy, no path (no `/` or `\`, not `.` or `..`, no leading dot), no characters Windows refuses in
 * names, at most MAX_ATTACHMENT_FILENAME characters.
 */
export function attachmentFilename(raw: string): string | null {
  const checked = checkText(raw.trim(), 'single');
  if (!checked.ok) return null;
  const name = checked.value;
  if (name === '' || [...name].length > MAX_ATTACHMENT_FILENAME) return null;
  if (/[\\/:*?"<>|]/.test(name) || name.startsWith('.') || name.includes('..')) return null;
  return name;
}

/** A shape check of an attachment record read from stored or fetched content. */
export function isArticleAttachment(value: unknown): value is ArticleAttachment {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { sha256, filename, mediaType, size } = value as Record<string, unknown>;
  return (
    isSha256Hex(sha256) &&
    typeof filename === 'string' &&
    typeof mediaType === 'string' &&
    attachmentKindOfMediaType(mediaType) !== null &&
    typeof size === 'number' &&
    Number.isSafeInteger(size) &&
    size > 0
  );
}
