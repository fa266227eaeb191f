import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { passesLuhn } from '../personal/checksums.js';
import { idCardForm } from '../personal/id-card.js';
import { maskMiddle } from '../personal/masking.js';

/** 16–19 digits, plain or in groups of four separated by one space or hyphen. */
const CANDIDATE = /(?<![0-9])(?:\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{16,19})(?![0-9])/g;
/** Issuer prefixes of cards in use in China: UnionPay 62, Visa 4, Mastercard 5/2, JCB/Amex 3, domestic 6/9. */
const ISSUER = /^[2-69]/;
const BANK_CONTEXT = /卡号|账号|帐号|账户|帐户|银行|开户|收款|户名/;
const CONTEXT_LOOK_BACK = 20;

/**
 * Bank card numbers: the Luhn check must pass. Blocking when banking words precede the number
 * (账号、开户行…), else a warning: a long reference number passes Luhn one time in ten.
 */
export function detectBankCardNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19) continue;
    if (!ISSUER.test(digits) || !passesLuhn(digits)) continue;
    if (digits.length === 18 && idCardForm(digits, null) !== null) continue;
    const start = match.index;
    const end = start + match[0].length;
    const context = BANK_CONTEXT.test(text.slice(Math.max(0, start - CONTEXT_LOOK_BACK), start));
    findings.push(
      finding(
        text,
        'bank_card_number',
        context ? 'blocking' : 'warning',
        start,
        end,
        maskMiddle(digits, 4, 4),
        context ? '疑似银行卡号，公开前应删除或隐藏中间位数' : '疑似银行卡号（通过Luhn校验），请核实',
      ),
    );
  }
  return findings;
}
