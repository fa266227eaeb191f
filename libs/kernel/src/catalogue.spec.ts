import { describe, expect, it } from 'vitest';
import { beijingDate, checkCatalogueSettings, checkColumnCode, checkColumnName, DEFAULT_INDEX_PATTERN, DEFAULT_TOPICS, formatIndexNumber, isCalendarDate, serialScope } from './catalogue.js';

const valid = { agencyCode: '11632100MB0000001X', indexPattern: DEFAULT_INDEX_PATTERN, topics: [...DEFAULT_TOPICS] };

describe('the 政府信息公开目录 rules', () => {
  it('formats the 索引号 from the agency code, column code, year and a zero-padded serial', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_PATTERN, { agency: '11632100MB0000001X', column: 'tzgg', year: 2026, serial: 7 })).toBe('11632100MB0000001X/tzgg-2026-00007');
    expect(formatIndexNumber('{year}-{serial}', { agency: 'A', column: 'c', year: 2026, serial: 123 })).toBe('2026-123');
    // A serial wider than the pattern's width is not cut.
    expect(formatIndexNumber('{serial:2}', { agency: 'A', column: 'c', year: 2026, serial: 123 })).toBe('123');
  });

  it('counts serials per column only when the pattern names the column', () => {
    expect(serialScope(DEFAULT_INDEX_PATTERN, 'tzgg')).toBe('tzgg');
    expect(serialScope('{agency}-{year}-{serial:4}', 'tzgg')).toBe('*');
  });

  it.each<[string, Partial<typeof valid>, string]>([
    ['an agency code with spaces', { agencyCode: 'A B' }, 'agencyCode'],
    ['a pattern without {year}', { indexPattern: '{agency}-{serial}' }, 'indexPattern'],
    ['a pattern without {serial}', { indexPattern: '{agency}-{year}' }, 'indexPattern'],
    ['an unknown token', { indexPattern: '{year}-{serial}-{month}' }, 'indexPattern'],
    ['fixed text outside the allowed characters', { indexPattern: '{year} {serial}' }, 'indexPattern'],
    ['no topics', { topics: [] }, 'topics'],
    ['a duplicate topic', { topics: ['综合政务', ' 综合政务'] }, 'topics'],
    ['an empty topic', { topics: ['综合政务', ' '] }, 'topics'],
  ])('refuses settings with %s, naming the field', (_label, change, field) => {
    const result = checkCatalogueSettings({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'CATALOGUE.SETTINGS_INVALID', field });
  });

  it('accepts the defaults and trims the topics', () => {
    const result = checkCatalogueSettings({ ...valid, topics: [' 综合政务 ', '其他'] });
    expect(result).toEqual({ ok: true, value: { ...valid, topics: ['综合政务', '其他'] } });
  });

  it('checks column codes and names', () => {
    expect(checkColumnCode('tzgg').ok).toBe(true);
    for (const code of ['t', 'Tzgg', '1abc', '通知', 'a'.repeat(21), 'a b']) expect(checkColumnCode(code).ok).toBe(false);
    expect(checkColumnName(' 通知公告 ')).toEqual({ ok: true, value: '通知公告' });
    expect(checkColumnName('  ').ok).toBe(false);
    expect(checkColumnName('栏'.repeat(21)).ok).toBe(false);
  });

  it('knows calendar dates and the Beijing date of an instant', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(beijingDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
