import { Parser } from 'htmlparser2';
import type { DocumentKind } from '@sanshen/kernel';
import type { TextSection } from '../scan-sections.js';

/** Elements whose end ends a line (br ends one where it stands); cells end with a tab. */
const LINE_ENDS: ReadonlySet<string> = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote', 'section', 'article', 'pre', 'table', 'caption']);
const DROPPED: ReadonlySet<string> = new Set(['script', 'style']);

/**
 * The text of sanitized rich text (an article body): one line per block, tags removed, every entity
 * and numeric reference decoded (htmlparser2), a no-break space read as a space. Scripts and styles
 * are dropped with their content.
 */
export function richTextToPlain(html: string): string {
  let text = '';
  let dropped = 0;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (DROPPED.has(name)) dropped += 1;
        else if (name === 'br') text += '\n';
      },
      ontext: (chunk) => {
        if (dropped === 0) text += chunk;
      },
      onclosetag: (name) => {
        if (DROPPED.has(name)) dropped -= 1;
        else if (LINE_ENDS.has(name)) text += '\n';
        else if (name === 'td' || name === 'th') text += '\t';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text
    .replaceAll('\u00a0', ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An attachment's extracted text by its sha256; null (or absent): none could be extracted. */
export type AttachmentTexts = ReadonlyMap<string, string | null>;

/** The section key of an attachment's text: the finding says which file it comes from. */
export function attachmentSectionKey(filename: string): string {
  return `attachments.${filename}`;
}

/**
 * One section per attachment (`attachments.<file name>`): its extracted text, or — for an image
 * (no OCR) or a file whose text was not extracted — an unscanned section, reported as a warning.
 */
function attachmentSections(attachments: unknown[], texts: AttachmentTexts): TextSection[] {
  const sections: TextSection[] = [];
  for (const attachment of attachments) {
    if (!isRecord(attachment) || typeof attachment.filename !== 'string' || typeof attachment.sha256 !== 'string') continue;
    const key = attachmentSectionKey(attachment.filename);
    const text = texts.get(attachment.sha256) ?? null;
    if (text !== null && text.trim() !== '') sections.push({ key, text });
    else {
      const image = typeof attachment.mediaType === 'string' && attachment.mediaType.startsWith('image/');
      const why = image ? '图片不做文字识别' : '未能提取其中的文字';
      sections.push({ key, text: '', unscanned: `附件《${attachment.filename}》${why}，未经自动检查，请人工核对其内容` });
    }
  }
  return sections;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a document says, as the sections the content checks scan, keyed so that a finding can be
 * located: an article's `title` and `body` (rich text turned to text); an annual report's `title`
 * and each non-empty prose section as `sections.<key>`. Statistical tables hold numbers only and
 * are not scanned. The drafting pre-check and the secrecy scan both use this, so a drafter sees the
 * findings the secrecy officer will see.
 */
export function documentSections(kind: DocumentKind, content: unknown, title?: string, attachmentTexts: AttachmentTexts = new Map()): TextSection[] {
  const sections: TextSection[] = [];
  const data = isRecord(content) ? content : {};
  const ownTitle = typeof data.title === 'string' ? data.title : title;
  if (ownTitle !== undefined && ownTitle.trim() !== '') sections.push({ key: 'title', text: ownTitle });
  if (kind === 'article') {
    if (typeof data.body === 'string') sections.push({ key: 'body', text: richTextToPlain(data.body) });
    if (Array.isArray(data.attachments)) sections.push(...attachmentSections(data.attachments, attachmentTexts));
    return sections;
  }
  const prose = isRecord(data.sections) ? data.sections : {};
  for (const [key, text] of Object.entries(prose)) {
    if (typeof text === 'string' && text.trim() !== '') sections.push({ key: `sections.${key}`, text });
  }
  return sections;
}
