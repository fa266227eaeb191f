import sanitizeHtml from 'sanitize-html';

const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/**
 * The portal's own allow-list, applied to every pushed body whatever the sender already did: text
 * structure, links, images and data tables (with the header attributes screen readers need: scope,
 * spans, headers/id). No scripts, styles, event handlers, forms, frames or classes; links over
 * http(s) and mailto, images over http(s) only. Body headings start at h2: the title is the only h1.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'span', 'div', 'section',
    'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
    'a', 'img',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
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
    // A scope that is not one of the four keywords would be worse than none.
    th: (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(Object.entries(attribs).filter(([name, value]) => name !== 'scope' || SCOPES.has(value))),
    }),
  },
};

export function sanitizePageHtml(dirty: string): string {
  return sanitizeHtml(dirty, OPTIONS);
}
