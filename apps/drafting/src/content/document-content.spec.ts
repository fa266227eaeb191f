import { describe, expect, it } from 'vitest';
import { newArticleContent, reviseArticleContent } from './document-content.js';
import { refusal } from '../../../../test/support/domain-error.js';

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
