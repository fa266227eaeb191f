import { describe, expect, it } from 'vitest';
import { scanSections } from '../scan-sections.js';
import { documentSections, richTextToPlain } from './document-sections.js';

describe('richTextToPlain', () => {
  it('keeps one line per block and decodes entities', () => {
    expect(richTextToPlain('<p>第一段&nbsp;内容</p><p>第二段<br>换行&amp;符号&#21271;</p>')).toBe('第一段 内容\n第二段\n换行&符号北');
  });

  it('drops scripts and styles with their content', () => {
    expect(richTextToPlain('<style>p{color:red}</style><p>正文</p><script>alert(1)</script>')).toBe('正文');
  });

  it('decodes every named entity, not only a hand-kept few', () => {
    expect(richTextToPlain('<p>版权&copy;&emsp;第一条&middot;说明</p>')).toBe('版权©\u2003第一条·说明');
  });

  it('leaves unknown entities as written', () => {
    expect(richTextToPlain('<p>A&bogus;B</p>')).toBe('A&bogus;B');
  });
});

describe('documentSections', () => {
  it('gives an article its title and the text of its body', () => {
    expect(documentSections('article', { title: '通知', column: '通知公告', body: '<p>联系人身份证号码</p>' })).toEqual([
      { key: 'title', text: '通知' },
      { key: 'body', text: '联系人身份证号码' },
    ]);
  });

  it("gives an annual report its title and non-empty prose sections, not its tables", () => {
    const content = { format: '2021', year: 2024, sections: { overall: '总体情况', otherMatters: ' ', intro: '引言' }, tables: { a: 1 } };
    expect(documentSections('annual_report', content, '某局2024年报告')).toEqual([
      { key: 'title', text: '某局2024年报告' },
      { key: 'sections.overall', text: '总体情况' },
      { key: 'sections.intro', text: '引言' },
    ]);
  });

  it('finds an ID number hidden behind markup in an article body', () => {
    const sections = documentSections('article', { title: '公示', column: '通知公告', body: '<p>申请人：张某，身份证号<strong>11010519491231002X</strong></p>' });
    const result = scanSections(sections);
    expect(result.ok && result.value.map((f) => [f.section, f.type, f.matched])).toEqual([['body', 'id_card_number', '11010519491231002X']]);
  });

  it('tolerates content of an unexpected shape', () => {
    expect(documentSections('article', null)).toEqual([]);
    expect(documentSections('annual_report', { sections: 'x' })).toEqual([]);
  });
});
