import { finding } from '../finding.js';
import type { Finding } from '../finding.js';

/**
 * 发文字号 whose year is not in 六角括号 (GB/T 9704-2012): 国办发[2019]1号, 国办发【2019】1号,
 * 国办发(2019)1号, 国办发（2019）1号 → 国办发〔2019〕1号. A Han 机关代字 must precede the bracket
 * and the 序号 must follow it directly, so court case numbers ((2019)青02行终12号) do not match.
 * The finding covers the bracketed year through 号.
 */
const WRONG_BRACKETS = /(?<=[\u4e00-\u9fff] ?)[[【(（［﹝] ?((?:19|20)\d{2}) ?[\]】)）］﹞] ?(\d{1,5}) ?号/g;

export function detectDocumentNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(WRONG_BRACKETS)) {
    const suggestion = `〔${m[1]}〕${m[2]}号`;
    findings.push(
      finding(
        text,
        'document_number_format',
        'warning',
        m.index,
        m.index + m[0].length,
        suggestion,
        `发文字号中的年份应使用六角括号“〔〕”，应为“${suggestion}”`,
      ),
    );
  }
  return findings;
}
