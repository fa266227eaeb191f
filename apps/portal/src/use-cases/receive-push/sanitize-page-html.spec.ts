import { describe, expect, it } from 'vitest';
import { sanitizePageHtml } from './sanitize-page-html.js';

describe('sanitizePageHtml', () => {
  it('drops scripts, styles, frames, forms and event handlers with their content', () => {
    const dirty =
      '<p onclick="x()" style="color:red" class="c" id="i">正文</p><script>alert(1)</script><style>p{}</style>' +
      '<iframe src="https://a.example"></iframe><form><input name="q"></form><svg><script>alert(2)</script></svg>';
    expect(sanitizePageHtml(dirty)).toBe('<p>正文</p>');
  });

  it('keeps http(s) and mailto links and images, and drops other schemes', () => {
    expect(sanitizePageHtml('<a href="javascript:alert(1)">a</a><a href="https://gov.example/x">b</a>')).toBe(
      '<a>a</a><a href="https://gov.example/x">b</a>',
    );
    expect(sanitizePageHtml('<img src="data:image/png;base64,AAAA" alt="x"><img src="https://gov.example/i.png" alt="图">')).toBe(
      '<img alt="x" /><img src="https://gov.example/i.png" alt="图" />',
    );
    expect(sanitizePageHtml('<a href="mailto:gk@example.gov.cn">信箱</a>')).toBe('<a href="mailto:gk@example.gov.cn">信箱</a>');
  });

  it('keeps data tables with their header semantics, and only valid scopes', () => {
    const table =
      '<table><caption>表</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
      '<tbody><tr><th scope="row" rowspan="2">一</th><td>1</td></tr><tr><th scope="bogus">二</th></tr></tbody></table>';
    expect(sanitizePageHtml(table)).toBe(
      '<table><caption>表</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
        '<tbody><tr><th scope="row" rowspan="2">一</th><td>1</td></tr><tr><th>二</th></tr></tbody></table>',
    );
  });

  it('turns body h1 into h2 so the page title stays the only h1', () => {
    expect(sanitizePageHtml('<h1>一、总体情况</h1><h3>（一）</h3>')).toBe('<h2>一、总体情况</h2><h3>（一）</h3>');
  });
});
