import { describe, expect, it } from 'vitest';
import { joinedView, toSourceRange } from './joined-view.js';

describe('joinedView', () => {
  it('joins Chinese words broken by line breaks and spaces, keeps spaces between digits', () => {
    const source = '《中\n\n华人民共和国》 2019 年\n0 0 0';
    const view = joinedView(source);
    expect(view.text).toBe('《中华人民共和国》2019年\n0 0 0'.replace('\n', ''));
  });

  it('maps every view character back to the same source character', () => {
    const source = ' 报告 中 所列\r\n数据 A B 　全文 ';
    const view = joinedView(source);
    for (let i = 0; i < view.text.length; i++) expect(source[view.toSource[i]]).toBe(view.text[i]);
    const at = view.text.indexOf('中所列数据');
    const range = toSourceRange(view, at, at + 5);
    expect(source.slice(range.start, range.end)).toBe('中 所列\r\n数据');
  });
});
