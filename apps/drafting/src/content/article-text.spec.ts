import { describe, expect, it } from 'vitest';
import { articleText } from './article-text.js';

describe('articleText', () => {
  it('keeps the text a reader sees, one line per block, entities decoded', () => {
    expect(articleText('<p>现将有关事项&nbsp;通知如下：</p><ol><li>时间：<strong>12月1日</strong></li><li>地点&amp;方式</li></ol>')).toBe(
      '现将有关事项 通知如下：\n时间：12月1日\n地点&方式',
    );
  });

  it('sees no difference where only the markup changed', () => {
    expect(articleText('<p>推进<strong>数字经济</strong>发展。</p>')).toBe(articleText('<p>推进数字经济发展。</p>'));
  });

  it('breaks lines at <br>', () => {
    expect(articleText('<p>第一行<br>第二行</p>')).toBe('第一行\n第二行');
  });
});
