import { err, ok } from './result.js';
import type { Result } from './result.js';

/**
 * The input policy for text (issue #11): which characters may be stored and published. Pure — the
 * gateway applies it to every string of every request; the services use it again where it is cheap.
 *
 * - `single`: titles, columns, names, reasons, identifiers — one line, no tab.
 * - `multi`: prose and rich text — tab, line feed and carriage return are allowed.
 * Everywhere refused: NUL and the other C0 controls, DEL, the C1 controls, lone surrogates (PostgreSQL
 * cannot store them), the bidi embedding/override/isolate/mark controls (a title could be spoofed),
 * the byte order mark, U+2028/U+2029 and Unicode noncharacters. Accepted text is normalised to NFC.
 */
export type TextMode = 'single' | 'multi';

export type TextViolationKind =
  | 'control'
  | 'line_break'
  | 'lone_surrogate'
  | 'bidi_control'
  | 'byte_order_mark'
  | 'unicode_separator'
  | 'noncharacter';

export interface TextViolation {
  kind: TextViolationKind;
  /** Where, counted in characters (code points) from 0. */
  index: number;
  /** The offending code point, `U+XXXX`. */
  codePoint: string;
}

/** Chinese names of the violations, for messages. */
export const TEXT_VIOLATION_LABELS: Record<TextViolationKind, string> = {
  control: '控制字符',
  line_break: '换行符或制表符（此项只能填写一行）',
  lone_surrogate: '不成对的代理字符（无效的 Unicode）',
  bidi_control: '文字方向控制字符',
  byte_order_mark: '字节顺序标记（BOM）',
  unicode_separator: 'Unicode 行/段分隔符',
  noncharacter: 'Unicode 非字符',
};

/** The largest nesting of arrays and objects a JSON request body may have. */
export const MAX_JSON_DEPTH = 64;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** Why one code point may not be stored in a field of this mode; null when it may. */
export function codePointViolation(codePoint: number, mode: TextMode): TextViolationKind | null {
  if (codePoint < 0x20) {
    if (codePoint === TAB || codePoint === LF || codePoint === CR) return mode === 'multi' ? null : 'line_break';
    return 'control';
  }
  if (codePoint < 0x7f) return null;
  if (codePoint <= 0x9f) return 'control'; // DEL and C1
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone_surrogate';
  if (isBidiControl(codePoint)) return 'bidi_control';
  if (codePoint === 0xfeff) return 'byte_order_mark';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'unicode_separator';
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  return null;
}

function isBidiControl(codePoint: number): boolean {
  return (
    codePoint === 0x061c || // ALM
    codePoint === 0x200e || // LRM
    codePoint === 0x200f || // RLM
    (codePoint >= 0x202a && codePoint <= 0x202e) || // LRE RLE PDF LRO RLO
    (codePoint >= 0x2066 && codePoint <= 0x2069) // LRI RLI FSI PDI
  );
}

/** The text normalised to NFC, or the first character the policy refuses. */
export function checkText(value: string, mode: TextMode): Result<string, TextViolation> {
  let index = 0;
  // for…of walks code points; a lone surrogate comes out as one unit of 0xD800–0xDFFF.
  for (const char of value) {
    const codePoint = char.codePointAt(0)!;
    const kind = codePointViolation(codePoint, mode);
    if (kind !== null) return err({ kind, index, codePoint: formatCodePoint(codePoint) });
    index += 1;
  }
  return ok(value.normalize('NFC'));
}

/** The text without any character the policy refuses, normalised to NFC (for sanitizers). */
export function stripForbiddenText(value: string, mode: TextMode): string {
  let out = '';
  for (const char of value) {
    if (codePointViolation(char.codePointAt(0)!, mode) === null) out += char;
  }
  return out.normalize('NFC');
}

/** Length in characters (code points), as length limits are counted. */
export function characterLength(value: string): number {
  let length = 0;
  for (const _char of value) length += 1;
  return length;
}

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whether a JSON text nests arrays/objects deeper than `limit`, scanned on the raw text (brackets
 * inside strings do not count), so a hostile body is refused before it is parsed into objects.
 */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}
