import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { onContactLine } from '../personal/contact-line.js';
import { maskMiddle } from '../personal/masking.js';

/** 11-digit mainland mobile numbers (1[3-9]x), plain or grouped 3-4-4 by a space or hyphen; never part of a longer digit run. */
const MOBILE = /(?<![0-9])(1[3-9]\d)([- ]?)(\d{4})\2(\d{4})(?![0-9])/g;

/**
 * Mobile numbers: blocking in running text; a warning on a contact line (联系电话：…), where it may
 * be an agency's published duty phone — someone has to confirm it is not a person's own number.
 * Landlines (0972-8611234, (0972)8611234) never match.
 */
export function detectMobileNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(MOBILE)) {
    const start = match.index;
    const end = start + match[0].length;
    // Part of a longer number written with separators (0972-13812345678, 6222-1381-…)?
    const before = text.slice(Math.max(0, start - 2), start);
    if (/\d[-‐]$/.test(before)) continue;
    const digits = `${match[1]}${match[3]}${match[4]}`;
    const masked = maskMiddle(digits, 3, 4);
    findings.push(
      onContactLine(text, start)
        ? finding(text, 'mobile_number', 'warning', start, end, masked, '联系方式中含手机号码，请确认是否为单位公开的工作电话；如为个人号码应删除或隐藏')
        : finding(text, 'mobile_number', 'blocking', start, end, masked, '疑似个人手机号码，公开前应删除或隐藏中间四位'),
    );
  }
  return findings;
}
