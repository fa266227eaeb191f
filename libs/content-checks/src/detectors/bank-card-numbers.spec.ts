import { describe, expect, it } from 'vitest';
import { passesLuhn } from '../personal/checksums.js';
import { detectBankCardNumbers } from './bank-card-numbers.js';

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}
const CARD = withLuhn('622202123456789012'); // 19 digits, UnionPay

describe('detectBankCardNumbers', () => {
  it('flags a Luhn-valid card number after banking words as blocking, masked', () => {
    const [f] = detectBankCardNumbers(`补贴发放至开户行账号${CARD}。`);
    expect(f).toMatchObject({ type: 'bank_card_number', severity: 'blocking', matched: CARD });
    expect(f.suggestion).toBe(`6222${'*'.repeat(11)}${CARD.slice(-4)}`);
  });

  it('warns about a Luhn-valid number without banking context', () => {
    expect(detectBankCardNumbers(`编号${CARD}`)[0].severity).toBe('warning');
  });

  it('flags a card written in groups of four', () => {
    const card = withLuhn('411111111111111');
    const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(detectBankCardNumbers(`卡号 ${grouped}`).map((f) => f.matched)).toEqual([grouped]);
  });

  it('does not flag a number failing Luhn', () => {
    const bad = CARD.slice(0, -1) + ((Number(CARD.at(-1)) + 1) % 10);
    expect(detectBankCardNumbers(`银行卡号${bad}`)).toEqual([]);
  });

  it('does not flag runs of other lengths, or an ID number', () => {
    expect(detectBankCardNumbers(withLuhn('62220212345678'))).toEqual([]); // 15 digits
    expect(detectBankCardNumbers(withLuhn('62220212345678901234'))).toEqual([]); // 21 digits
    expect(detectBankCardNumbers('11010519491231002X')).toEqual([]);
  });
});
