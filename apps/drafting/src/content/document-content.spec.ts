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

describe('the 公开目录 fields of an article', () => {
  it('keeps the given fields, drops empty ones and leaves no entry when nothing is given', () => {
    expect(newArticleContent({ ...article, catalogue: { writtenOn: '2026-11-30', documentNumber: ' 东工信〔2026〕12号 ', topic: '', openness: '主动公开' } }).catalogue).toEqual({
      writtenOn: '2026-11-30',
      documentNumber: '东工信〔2026〕12号',
      openness: '主动公开',
    });
    expect(newArticleContent({ ...article, catalogue: {} })).not.toHaveProperty('catalogue');
  });

  it.each([
    [{ writtenOn: '2026-02-30' }, 'catalogue.writtenOn'],
    [{ openness: '不公开' }, 'catalogue.openness'],
    [{ documentNumber: '号'.repeat(51) }, 'catalogue.documentNumber'],
    [{ topic: 3 }, 'catalogue.topic'],
    [{ indexNumber: 'X' }, 'catalogue.indexNumber'],
  ])('refuses %j with CATALOGUE.FIELD_INVALID naming the field', (catalogue, field) => {
    expect(refusal(() => newArticleContent({ ...article, catalogue }))).toMatchObject({ code: 'CATALOGUE.FIELD_INVALID', details: { field } });
  });

  it('keeps the entry on a revision that does not name it, replaces it when given and removes it with null', () => {
    const withEntry = newArticleContent({ ...article, catalogue: { topic: '综合政务' } });
    expect(reviseArticleContent(withEntry, { title: '新标题' }).catalogue).toEqual({ topic: '综合政务' });
    expect(reviseArticleContent(withEntry, { catalogue: { openness: '依申请公开' } }).catalogue).toEqual({ openness: '依申请公开' });
    expect(reviseArticleContent(withEntry, { catalogue: null })).not.toHaveProperty('catalogue');
  });
});
