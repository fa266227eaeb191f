/** CJK unified ideographs (BMP blocks; surrogate pairs are never treated as Han here). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Han, CJK punctuation, full-width forms and the curly quotes Chinese text uses. */
export function isWide(code: number): boolean {
  return (
    isHan(code) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2018 && code <= 0x201f) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7
  );
}

export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
