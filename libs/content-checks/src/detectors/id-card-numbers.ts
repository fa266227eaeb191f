import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { idCardForm } from '../personal/id-card.js';
import { maskMiddle } from '../personal/masking.js';
import type { CalendarDate } from '../text/calendar.js';

const CANDIDATE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** 居民身份证号码: 18-character numbers with a valid check character (blocking), 15-digit old ones (warning). */
export function detectIdCardNumbers(text: string, documentDate: CalendarDate | null): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const value = match[0];
    const form = idCardForm(value, documentDate);
    if (form === null) continue;
    const start = match.index;
    findings.push(
      form === '18'
        ? finding(text, 'id_card_number', 'blocking', start, start + 18, maskMiddle(value, 4, 4), '疑似公民身份号码，公开前应删除或隐藏中间位数')
        : finding(text, 'id_card_number', 'warning', start, start + 15, maskMiddle(value, 4, 3), '疑似15位旧版公民身份号码，请核实并删除或隐藏'),
    );
  }
  return findings;
}
