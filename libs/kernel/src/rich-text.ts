import sanitizeHtml from 'sanitize-html';
import { stripForbiddenText } from './text-policy.js';

const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/**
 * The one HTML allow-list of Sanshen: what an article body and a pushed page may carry. Text
 * structure, emphasis, lists, data tables with the header semantics screen readers need (scope,
 * spans, headers/id), links over http(s) and mailto with `rel="noopener noreferrer"`, images over
 * http(s) only. No scripts, styles, frames, forms, classes, `style` or event attributes, `data:` or
 * protocol-relative URLs: the output is safe under the portal's Content-Security-Policy. Body
 * headings start at h2 (a page's title is its only h1).
 */
const RICH_TEXT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'span', 'div', 'section',
    'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
    'a', 'img',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    ol: ['start'],
    col: ['span'],
    colgroup: ['span'],
    th: ['scope', 'colspan', 'rowspan', 'abbr', 'headers', 'id'],
    td: ['colspan', 'rowspan', 'headers'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    // A scope that is not one of the four keywords would be worse than none.
    th: (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(Object.entries(attribs).filter(([name, value]) => name !== 'scope' || SCOPES.has(value))),
    }),
  },
};

/**
 * Applies the allow-list. Characters the input policy refuses (controls, lone surrogates, bidi
 * controls …) are removed too, before and after (an entity such as `&#x202E;` becomes the character
 * itself), and the text is NFC. Idempotent: what drafting stored passes publication and the portal
 * unchanged, so applying it again there is defence in depth, not a second policy.
 */
export function sanitizeRichText(html: string): string {
  return stripForbiddenText(sanitizeHtml(stripForbiddenText(html, 'multi'), RICH_TEXT_POLICY), 'multi');
}

/** Whether the HTML is exactly what the policy lets through (a body stored by drafting is). */
export function isSanitizedRichText(html: string): boolean {
  return sanitizeRichText(html) === html;
}
