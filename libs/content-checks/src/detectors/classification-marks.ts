import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { leftmostLongest } from '../matcher/ranges.js';

/** Horizontal space only: a mark never continues on the next line. */
const S = '[ \\t\\u3000]*';
/** 密级★保密期限: 秘密★1年, 机密★5年, 绝密★长期, 机密★十年, 秘密★6个月. */
const STARRED = new RegExp(`(?:绝密|机密|秘密)${S}[★☆]${S}(?:(?:\\d{1,3}|[一二三四五六七八九十]{1,3})${S}(?:年|个月)|长期|永久)?`, 'g');
/** Labelled fields of a classified document's header. */
const LABELLED = new RegExp(`密${S}级${S}[:：]${S}(?:绝密|机密|秘密|工作秘密|内部)|保密期限${S}[:：]${S}[^\\s，。；,;]{1,8}`, 'g');
/** A line that is nothing but a marking (the top-left corner of a classified or internal document). */
const BARE_LINE = new RegExp(
  `^${S}(?:绝密|机密|秘密|工作秘密|内部|内部资料|内部文件|内部刊物|内部明电|内部参阅)(?:件)?${S}$`,
  'gm',
);
/** Handling instructions: they mark a document as not for the public, wherever they appear. */
const HANDLING =
  /内部资料|内部文件|内部刊物|内部明电|注意保管|妥善保管|不得外传|严禁外传|请勿外传|不准外传|不得翻印|不准翻印|严禁翻印|不得复制|阅后收回|用后收回|阅后退回|阅后销毁|内部传阅|仅供内部参考|仅供内部使用|仅限内部使用/g;
/** Punctuation and space that may separate markings at the start of a line (内部资料，注意保管). */
const LEADING_SEPARATORS = /^[\s\u3000，,、；;。.·★☆（）()]*$/;

/**
 * Classification and handling markings. Words alone are not marks: 国家秘密 and 商业秘密 in a
 * 不予公开 reason, 机密 inside a sentence. A mark is a 密级 with ★ (and optionally its 保密期限),
 * a labelled 密级/保密期限 field, a line that is only a 密级 word, or a handling instruction such as
 * 内部资料 or 不得外传 — blocking at the start of a line (where marks are printed), a warning in
 * running text (quoted, or describing another document).
 */
export function detectClassificationMarks(text: string): Finding[] {
  const hits: Finding[] = [];
  const mark = (start: number, end: number, message: string) =>
    hits.push(finding(text, 'classification_mark', 'blocking', start, end, null, message));
  for (const m of text.matchAll(STARRED)) mark(m.index, m.index + m[0].length, `发现密级标志“${m[0]}”，涉密内容不得公开`);
  for (const m of text.matchAll(LABELLED)) mark(m.index, m.index + m[0].length, `发现密级或保密期限标注“${m[0]}”，涉密内容不得公开`);
  for (const m of text.matchAll(BARE_LINE)) {
    const word = m[0].trim();
    const start = m.index + m[0].indexOf(word);
    mark(start, start + word.length, `发现单独成行的密级或内部标志“${word}”，请确认文件是否可以公开`);
  }
  for (const m of text.matchAll(HANDLING)) {
    const start = m.index;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const leading = stripMarks(text.slice(lineStart, start));
    const atLineStart = LEADING_SEPARATORS.test(leading);
    hits.push(
      finding(
        text,
        'classification_mark',
        atLineStart ? 'blocking' : 'warning',
        start,
        start + m[0].length,
        null,
        atLineStart
          ? `发现内部资料标志“${m[0]}”，标有此类标志的材料不得公开`
          : `文中出现“${m[0]}”，请确认是否为内部资料标志或引用了不宜公开的材料`,
      ),
    );
  }
  // One finding per place: the longest (a starred mark beats the bare word inside it).
  return leftmostLongest(hits);
}

/** The line prefix with earlier markings removed, so "内部资料 注意保管" marks both words. */
function stripMarks(prefix: string): string {
  return prefix.replace(STARRED, '').replace(HANDLING, '').replace(/绝密|机密|秘密|工作秘密/g, '');
}
