import { fileTypeFromBuffer } from 'file-type';
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { ATTACHMENT_TYPES, DomainError, attachmentKindOfName, stripForbiddenText } from '@sanshen/kernel';
import type { AttachmentKind, AttachmentMediaType } from '@sanshen/kernel';
import { textOf } from '../import-report/extract-text.js';

/** Bounds on what an archive (docx, xlsx, ofd: all zip) may unpack to: a zip bomb is refused before any extractor inflates it. */
export const ARCHIVE_LIMITS = {
  /** Sum of the entries' uncompressed sizes. */
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxEntries: 5000,
  /** Uncompressed / compressed size of the whole archive. */
  maxRatio: 200,
};

/** Longest text kept of one attachment (characters); the rest is not scanned (docs/content-checks.md). */
export const MAX_ATTACHMENT_TEXT = 250_000;

export interface InspectedAttachment {
  kind: AttachmentKind;
  mediaType: AttachmentMediaType;
  /** The extracted text; null for images (no OCR) and files without a text layer. */
  text: string | null;
}

/**
 * What an uploaded file is, from its bytes: the kind sniffed from the content (file-type; an OFD is a
 * zip with `OFD.xml`) must be an allowed one and the one the file name's extension claims; an archive
 * must pass ARCHIVE_LIMITS; then its text is extracted with the extractors the report import uses
 * (pdf, docx, xlsx) or read from the OFD's page XML. Refusals are 4xx DomainErrors, never throws of
 * another kind.
 */
export async function inspectAttachment(filename: string, bytes: Uint8Array): Promise<InspectedAttachment> {
  const claimed = attachmentKindOfName(filename);
  if (claimed === null) throw new DomainError('ATTACHMENT.TYPE_NOT_ALLOWED', { filename });
  if (bytes.byteLength === 0) throw new DomainError('ATTACHMENT.EMPTY', { filename });
  const sniffed = await sniff(bytes);
  if (sniffed !== claimed) throw new DomainError('ATTACHMENT.TYPE_MISMATCH', { filename, claimed, sniffed });
  const text = await extract(sniffed, filename, bytes);
  return { kind: sniffed, mediaType: ATTACHMENT_TYPES[sniffed].mediaType, text: text === null ? null : bounded(text) };
}

async function sniff(bytes: Uint8Array): Promise<AttachmentKind | null> {
  let type: { ext: string } | undefined;
  try {
    type = await fileTypeFromBuffer(bytes);
  } catch {
    return null;
  }
  switch (type?.ext) {
    case 'pdf':
    case 'docx':
    case 'xlsx':
    case 'png':
    case 'jpg':
      return type.ext;
    case 'zip':
      return zipEntries(bytes).some((entry) => entry.name === 'OFD.xml') ? 'ofd' : null;
    default:
      return null;
  }
}

interface ZipEntry {
  name: string;
  size: number;
  originalSize: number;
}

/** The archive's directory (nothing inflated); a broken one reads as no entries. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    return [];
  }
  return entries;
}

function assertSafeArchive(bytes: Uint8Array, filename: string): void {
  const entries = zipEntries(bytes);
  const unpacked = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const unsafeName = entries.some((entry) => entry.name.startsWith('/') || entry.name.split(/[\\/]/).includes('..'));
  if (entries.length === 0) throw new DomainError('ATTACHMENT.UNREADABLE', { filename });
  if (entries.length > ARCHIVE_LIMITS.maxEntries || unpacked > ARCHIVE_LIMITS.maxUnpackedBytes || unpacked > bytes.byteLength * ARCHIVE_LIMITS.maxRatio || unsafeName) {
    throw new DomainError('ATTACHMENT.ARCHIVE_UNSAFE', { filename, entries: entries.length, unpackedBytes: unpacked });
  }
}

async function extract(kind: AttachmentKind, filename: string, bytes: Uint8Array): Promise<string | null> {
  if (kind === 'jpg' || kind === 'png') return null;
  if (kind !== 'pdf') assertSafeArchive(bytes, filename);
  try {
    return kind === 'ofd' ? ofdText(bytes) : await textOf(kind, filename, bytes);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('ATTACHMENT.UNREADABLE', { filename, kind });
    throw error;
  }
}

/**
 * An OFD's text (GB/T 33190): the `ofd:TextCode` runs of every page's Content.xml, one line per run,
 * pages in the order of their names. Only those XML files are inflated (the archive passed the limits).
 */
export function ofdText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => /(^|\/)Pages\/[^/]+\/Content\.xml$/i.test(file.name) });
  } catch {
    throw new DomainError('ATTACHMENT.UNREADABLE', { kind: 'ofd' });
  }
  const lines: string[] = [];
  for (const name of Object.keys(files).sort(byPageNumber)) {
    let inText = false;
    let line = '';
    const parser = new Parser(
      {
        onopentag: (tag) => {
          if (/(^|:)textcode$/i.test(tag)) inText = true;
        },
        ontext: (chunk) => {
          if (inText) line += chunk;
        },
        onclosetag: (tag) => {
          if (!/(^|:)textcode$/i.test(tag)) return;
          inText = false;
          lines.push(line);
          line = '';
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    parser.end(new TextDecoder('utf-8').decode(files[name]));
  }
  return lines.join('\n');
}

function byPageNumber(a: string, b: string): number {
  const number = (name: string) => Number(/Page_(\d+)/i.exec(name)?.[1] ?? 0);
  return number(a) - number(b) || a.localeCompare(b);
}

function bounded(text: string): string {
  const clean = stripForbiddenText(text, 'multi');
  return clean.length > MAX_ATTACHMENT_TEXT ? clean.slice(0, MAX_ATTACHMENT_TEXT) : clean;
}
