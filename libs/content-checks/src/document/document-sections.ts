import type { DocumentKind } from '@sanshen/kernel';
import type { TextSection } from '../scan-sections.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&lsquo;': '‘',
  '&rsquo;': '’',
  '&mdash;': '—',
  '&hellip;': '…',
};

/**
 * The text of sanitized rich text (an article body): one line per block, tags removed, the common
 * entities and numeric references decoded. Scripts and styles are dropped with their content.
 */
export function richTextToPlain(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|h[1-6]|li|tr|blockquote|section|article|pre|table|caption)>/gi, '\n')
    .replace(/<\/t[hd]>/gi, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => safeCodePoint(Number.parseInt(code, 16)))
    .replace(/&[a-z]+;/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
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
export function documentSections(kind: DocumentKind, content: unknown, title?: string): TextSection[] {
  const sections: TextSection[] = [];
  const data = isRecord(content) ? content : {};
  const ownTitle = typeof data.title === 'string' ? data.title : title;
  if (ownTitle !== undefined && ownTitle.trim() !== '') sections.push({ key: 'title', text: ownTitle });
  if (kind === 'article') {
    if (typeof data.body === 'string') sections.push({ key: 'body', text: richTextToPlain(data.body) });
    return sections;
  }
  const prose = isRecord(data.sections) ? data.sections : {};
  for (const [key, text] of Object.entries(prose)) {
    if (typeof text === 'string' && text.trim() !== '') sections.push({ key: `sections.${key}`, text });
  }
  return sections;
}
