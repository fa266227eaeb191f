import { describe, expect, it } from 'vitest';
import { chineseDate, html, sanitized } from './html.js';

describe('html template tag', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const title = `<script>alert("x")</script>&'`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</a>',
    );
  });

  it('nests templates and arrays without escaping them twice, and renders nothing for null and false', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('embeds stored sanitized markup as it is', () => {
    expect(html`<div>${sanitized('<p>正文</p>')}</div>`.value).toBe('<div><p>正文</p></div>');
  });

  it('writes dates in Beijing time', () => {
    expect(chineseDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026年2月1日');
  });
});
