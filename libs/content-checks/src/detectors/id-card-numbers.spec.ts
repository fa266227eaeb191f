import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../personal/checksums.js';
import { detectIdCardNumbers } from './id-card-numbers.js';

/** Builds a valid 18-character number from its first 17 digits. */
const valid = (first17: string) => first17 + idCardCheckChar(first17);
const ID = valid('63010219800101123'); // 青海 西宁, born 1980-01-01

describe('detectIdCardNumbers', () => {
  it('flags an 18-digit number with a correct MOD 11-2 check character, masked', () => {
    const text = `申请人身份证号：${ID}，住址略。`;
    const [f] = detectIdCardNumbers(text, null);
    expect(f).toMatchObject({ type: 'id_card_number', severity: 'blocking', matched: ID });
    expect(f.suggestion).toBe(`6301**********${ID.slice(14)}`);
    expect(text.slice(f.start, f.end)).toBe(ID);
  });

  it('accepts the check character X in either case', () => {
    expect(detectIdCardNumbers('11010519491231002X', null)).toHaveLength(1);
    expect(detectIdCardNumbers('11010519491231002x', null)).toHaveLength(1);
  });

  it('does not flag a number whose check digit is wrong', () => {
    const wrong = ID.slice(0, 17) + ((Number(ID[17]) + 1) % 10);
    expect(detectIdCardNumbers(`证号${wrong}`, null)).toEqual([]);
  });

  it('does not flag an impossible birth date or an unknown province', () => {
    expect(detectIdCardNumbers(valid('63010219801301123'), null)).toEqual([]); // month 13
    expect(detectIdCardNumbers(valid('63010218500101123'), null)).toEqual([]); // 1850
    expect(detectIdCardNumbers(valid('99010219800101123'), null)).toEqual([]); // province 99
  });

  it('does not flag a birth date after the document date', () => {
    const child = valid('63010220240101123');
    expect(detectIdCardNumbers(child, { year: 2023, month: 6, day: 1 })).toEqual([]);
    expect(detectIdCardNumbers(child, { year: 2025, month: 6, day: 1 })).toHaveLength(1);
  });

  it('does not flag part of a longer digit or code run', () => {
    expect(detectIdCardNumbers(`9${ID}`, null)).toEqual([]);
    expect(detectIdCardNumbers(`${ID}A`, null)).toEqual([]);
  });

  it('warns about a 15-digit old-form number with a plausible date', () => {
    const [f] = detectIdCardNumbers('老证号630102800101123', null);
    expect(f).toMatchObject({ severity: 'warning', matched: '630102800101123', suggestion: '6301********123' });
    expect(detectIdCardNumbers('630102801301123', null)).toEqual([]);
  });
});
