import { describe, expect, it } from 'vitest';
import { idCardCheckChar, passesLuhn } from './checksums.js';

describe('checksums', () => {
  it('computes the GB 11643 check character (published example 11010519491231002X)', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('checks Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('6222021234567890128')).toBe(passesLuhn('6222021234567890128'));
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
  });
});
