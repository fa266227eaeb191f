import { stripForbiddenText } from '@sanshen/kernel';
import sanitizeHtml from 'sanitize-html';

/** The rich text a government website item may carry: structure, emphasis, links, tables, images. */
const RICH_TEXT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div', 'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'rowspan', 'colspan'],
    td: ['rowspan', 'colspan'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/**
 * Sanitizes HTML before it is stored: what is signed and published is what was stored. Characters
 * the input policy refuses (controls, lone surrogates, bidi controls…) are removed too, before and
 * after (an entity such as `&#x202E;` becomes the character itself), and the text is NFC.
 */
export function sanitizeRichText(html: string): string {
  return stripForbiddenText(sanitizeHtml(stripForbiddenText(html, 'multi'), RICH_TEXT_POLICY), 'multi');
}
