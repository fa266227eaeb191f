import { isBlankText } from '../text/cell-text.js';

const NUMBER_TOKEN = /^[+\-−－]?\d[\d,，]*(?:\.\d+)?$/;
const SIGN_WORD = /^(?:增加?|减少?|[+\-−－])$/;
const UNIT_START = /^(?:元|万元|亿元)/;

/** A cell or token that holds a value or a blank marker rather than a label. */
export function isValueText(text: string): boolean {
  return isBlankText(text) || NUMBER_TOKEN.test(text.replace(/\s+/g, ''));
}

/**
 * Space-separated value tokens with the splits PDF extraction makes undone:
 * "增 114" and "19.7469 亿元（海东市）" are one value each.
 */
export function valueTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== '')) {
    const last = tokens[tokens.length - 1];
    if (last !== undefined && (SIGN_WORD.test(last) || UNIT_START.test(token))) tokens[tokens.length - 1] = `${last} ${token}`;
    else tokens.push(token);
  }
  return tokens;
}

export interface SplitLine {
  /** Label parts in order (tab cells, or the text before the trailing numbers). */
  labels: string[];
  /** Value cells after the last label; '' marks an empty tab cell. Empty array when none. */
  values: string[];
}

/** Separates a table line into its label parts and its value cells. */
export function splitTableLine(cells: readonly string[], tabbed: boolean): SplitLine {
  if (tabbed) {
    let lastLabel = -1;
    cells.forEach((cell, index) => {
      if (cell !== '' && !isValueText(cell)) lastLabel = index;
    });
    const labels = cells.slice(0, lastLabel + 1).filter((c) => c !== '' && !isValueText(c));
    const values = cells.slice(lastLabel + 1);
    let first = 0;
    let last = values.length;
    while (first < last && values[first] === '') first += 1;
    while (last > first && values[last - 1] === '') last -= 1;
    return { labels, values: values.slice(first, last) };
  }
  const tokens = cells[0].split(/\s+/).filter((t) => t !== '');
  let cut = tokens.length;
  while (cut > 0 && NUMBER_TOKEN.test(tokens[cut - 1])) cut -= 1;
  const label = tokens.slice(0, cut).join(' ');
  return { labels: label === '' ? [] : [label], values: tokens.slice(cut) };
}
