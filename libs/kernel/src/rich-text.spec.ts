import { describe, expect, it } from 'vitest';
import { isSanitizedRichText, sanitizeRichText } from './rich-text.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('sanitizeRichText (the one HTML policy: drafting on save, publication on push, portal on receipt)', () => {
  it.each([
    ['<p>ok</p><iframe src="https://x.test"></iframe>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="https://gov.test/a" target="_blank" rel="opener">x</a>', '<a href="https://gov.test/a" rel="noopener noreferrer">x</a>'],
    ['<a href="mailto:gk@example.gov.cn">信箱</a>', '<a href="mailto:gk@example.gov.cn" rel="noopener noreferrer">信箱</a>'],
    ['<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a" />'],
    ['<img src="//cdn.test/a.png">', '<img />'],
    ['<img src="https://gov.example/i.png" alt="图">', '<img src="https://gov.example/i.png" alt="图" />'],
    ['<p style="color:red" class="x" id="i" onclick="x()">t</p>', '<p>t</p>'],
    ['<table><tr><td colspan="2" onmouseover="x()">1</td></tr></table>', '<table><tr><td colspan="2">1</td></tr></table>'],
    ['<style>p{}</style><form><input></form>文字', '文字'],
    ['<svg><script>alert(2)</script></svg><p>正文</p>', '<p>正文</p>'],
    ['<h1>一、总体情况</h1><h3>（一）</h3>', '<h2>一、总体情况</h2><h3>（一）</h3>'],
  ])('sanitizes %s', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it('keeps data tables with their header semantics, and only valid scopes', () => {
    const table =
      '<table><caption>表</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
      '<tbody><tr><th scope="row" rowspan="2">一</th><td>1</td></tr><tr><th scope="bogus">二</th></tr></tbody></table>';
    expect(sanitizeRichText(table)).toBe(
      '<table><caption>表</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
        '<tbody><tr><th scope="row" rowspan="2">一</th><td>1</td></tr><tr><th>二</th></tr></tbody></table>',
    );
  });

  it('strips controls, lone surrogates, bidi controls, BOM and U+2028, also written as entities', () => {
    const html = '<p>\ufeff正\u0000文\u0007\u001b\u007f\u202e反\u2066向\u200f\ud800\u2028</p><p>&#x202E;&#8238;二&#0;</p>';
    const clean = sanitizeRichText(html);
    // `&#0;` is U+FFFD in HTML (never NUL); the bidi override written as an entity is gone.
    expect(clean).toBe('<p>正文反向</p><p>二\ufffd</p>');
    expect(clean).not.toMatch(LONE_SURROGATE);
  });

  it('keeps line breaks and tabs between blocks', () => {
    expect(sanitizeRichText('<p>一</p>\n\t<p>二</p><script>alert(1)</script>')).toBe('<p>一</p>\n\t<p>二</p>');
  });

  it('is idempotent, so a stored body passes the later steps unchanged', () => {
    const dirty = '<h1>标题</h1><p onclick="x()">正<a href="https://gov.test/a">链接</a></p><table><tr><th scope="row" id="h">一</th><td headers="h">1</td></tr></table>';
    const once = sanitizeRichText(dirty);
    expect(sanitizeRichText(once)).toBe(once);
    expect(isSanitizedRichText(once)).toBe(true);
    expect(isSanitizedRichText(dirty)).toBe(false);
  });
});
