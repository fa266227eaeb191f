import { describe, expect, it } from 'vitest';
import { newArticleContent, reviseArticleContent } from './document-content.js';
import { sanitizeRichText } from './sanitize-rich-text.js';
import { refusal } from '../../../../test/support/domain-error.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const article = { title: '关于调整办公时间的通知', column: '通知公告', body: '<p>自下周起调整。</p>' };

/** Behind the gateway's input policy, the drafting service refuses the same characters (issue #11). */
describe('article content and the input policy', () => {
  it.each([
    ['title', '关于\u202e调整'],
    ['title', '关于\u0000调整'],
    ['title', '关于\n调整'],
    ['column', '通知\ud800'],
    ['column', '通知\u2066'],
  ])('refuses a %s holding a forbidden character, naming it', (field, value) => {
    const error = refusal(() => newArticleContent({ ...article, [field]: value }));
    expect(error.code).toBe('REQUEST.TEXT_INVALID');
    expect(error.details).toMatchObject({ field });
  });

  it('refuses the same on an edit', () => {
    const current = newArticleContent(article);
    expect(refusal(() => reviseArticleContent(current, { title: '标题\u200f' })).details).toMatchObject({ field: 'title', violation: 'bidi_control' });
  });

  it('normalises title and column to NFC', () => {
    expect(newArticleContent({ ...article, title: 'Cafe\u0301 通知' }).title).toBe('Caf\u00e9 通知');
  });
});

describe('sanitizeRichText', () => {
  it('strips controls, lone surrogates, bidi controls, BOM and U+2028 from the body, also written as entities', () => {
    const html = '<p>\ufeff正\u0000文\u0007\u001b\u007f\u202e反\u2066向\u200f\ud800\u2028</p><p>&#x202E;&#8238;二&#0;</p>';
    const clean = sanitizeRichText(html);
    // `&#0;` is U+FFFD in HTML (never NUL); the bidi override written as an entity is gone.
    expect(clean).toBe('<p>正文反向</p><p>二\ufffd</p>');
    expect(clean).not.toMatch(LONE_SURROGATE);
  });

  it('keeps line breaks and tabs between blocks, and still drops scripts', () => {
    expect(sanitizeRichText('<p>一</p>\n\t<p>二</p><script>alert(1)</script>')).toBe('<p>一</p>\n\t<p>二</p>');
  });
});
