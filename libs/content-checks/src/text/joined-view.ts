import { isWhitespace, isWide } from './characters.js';

/**
 * The text with the whitespace that breaks Chinese words removed: PDF exports and hard-wrapped
 * drafts split words across lines ("《中\n\n华人民共和国…》", "2019 年"). A whitespace run is
 * dropped when the character before or after it is wide (Han, CJK punctuation); runs between two
 * narrow characters ("0 0 0", "Windows 10") stay, so digit runs are never glued together.
 */
export interface JoinedView {
  readonly text: string;
  /** `toSource[i]` is the source offset of view character i. */
  readonly toSource: Int32Array;
}

export function joinedView(source: string): JoinedView {
  const n = source.length;
  const toSource = new Int32Array(n);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    if ((code > 0x20 && code < 0xa0) || (code > 0x3000 && code !== 0xfeff) || !isWhitespace(code)) {
      toSource[length++] = i++;
      continue;
    }
    let j = i;
    while (j < n && isWhitespace(source.charCodeAt(j))) j++;
    const before = i > 0 ? source.charCodeAt(i - 1) : -1;
    const after = j < n ? source.charCodeAt(j) : -1;
    const drop = (before >= 0 && isWide(before)) || (after >= 0 && isWide(after));
    if (drop) {
      parts.push(source.slice(runStart, i));
      runStart = j;
    } else {
      for (let k = i; k < j; k++) toSource[length++] = k;
    }
    i = j;
  }
  parts.push(source.slice(runStart, n));
  return { text: parts.join(''), toSource: toSource.subarray(0, length) };
}

/** Maps a view range [start, end) to the source range that covers it. */
export function toSourceRange(view: JoinedView, start: number, end: number): { start: number; end: number } {
  return { start: view.toSource[start], end: view.toSource[end - 1] + 1 };
}
