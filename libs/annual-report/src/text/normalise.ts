/** Full-width forms → ASCII, whitespace removed, sub-item numbering "1、" / "1．" / "1 ." → "1.". */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(^|[^\d])(\d+)[、.]/g, '$1$2.');
}

/** Full-width digits and signs → ASCII, without touching CJK text. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Prose with the line breaks of PDF extraction removed, so wrapped words join again. */
export function flattenProse(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一…九十九 or ASCII digits → number; null when not a numeral. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0 || [...text].some((c) => NUMERALS[c] === undefined)) return null;
  if (text.length === 1) return NUMERALS[text];
  const ten = text.indexOf('十');
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : NUMERALS[text[0]];
  const units = ten === text.length - 1 ? 0 : NUMERALS[text[text.length - 1]];
  return tens * 10 + units;
}

/** Multiplies a non-negative decimal string by 10^exponent without floating-point drift. */
export function scaleDecimal(decimal: string, exponent: number): number {
  const [whole, fraction = ''] = decimal.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return Number(`0.${'0'.repeat(-point)}${digits}`);
  if (point >= digits.length) return Number(digits + '0'.repeat(point - digits.length));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}
