import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { maskEmail } from '../personal/masking.js';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})/g;
/** Domains of agencies and institutions: their mailboxes are not personal data. */
const INSTITUTIONAL = /(?:^|\.)(?:gov\.cn|gov|mil\.cn|edu\.cn|org\.cn|ac\.cn)$/i;

/** E-mail addresses outside agency/institution domains (a person's or a free-mail box): a warning. */
export function detectPersonalEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(EMAIL)) {
    if (INSTITUTIONAL.test(match[1])) continue;
    const start = match.index;
    findings.push(
      finding(
        text,
        'personal_email',
        'warning',
        start,
        start + match[0].length,
        maskEmail(match[0]),
        '疑似个人电子邮箱（非政务域名），请确认是否为单位公开邮箱；如为个人邮箱应删除或隐藏',
      ),
    );
  }
  return findings;
}
