import { SECTION_HEADING_VARIANTS } from '../model/labels.js';
import type { Rule } from './types.js';
import { fail, notApplicable, pass, textFinding } from './verdict.js';

const LIST = /报告(?:由|包括|分为|共分)(.+?)(?:[一二三四五六七八九十\d]+)\s*(?:个|大)?\s*部分/;
/** Joiners and function characters that paraphrases of part names drop or swap. */
const IGNORED = /[\s的、，,和及与等；;]/;

interface Squashed {
  text: string;
  /** Index in the original text of each kept character. */
  origin: number[];
}

function squash(text: string): Squashed {
  const source = text.normalize('NFKC').replace(/[一二三四五六]、/g, (m) => ' '.repeat(m.length));
  const kept: string[] = [];
  const origin: number[] = [];
  [...source].forEach((char, index) => {
    if (!IGNORED.test(char)) {
      kept.push(char);
      origin.push(index);
    }
  });
  return { text: kept.join(''), origin };
}

const NAMES = Object.values(SECTION_HEADING_VARIANTS)
  .flat()
  .map((name) => squash(name).text)
  .sort((a, b) => b.length - a.length);

/** The stretches of the list that are not a known part name, in original spelling. */
function unknownParts(list: string): string[] {
  const { text, origin } = squash(list);
  const unknown: string[] = [];
  let position = 0;
  let gapStart = -1;
  const closeGap = (end: number): void => {
    if (gapStart < 0) return;
    unknown.push(list.slice(origin[gapStart], origin[end - 1] + 1));
    gapStart = -1;
  };
  while (position < text.length) {
    const name = NAMES.find((n) => text.startsWith(n, position));
    if (name === undefined) {
      if (gapStart < 0) gapStart = position;
      position += 1;
    } else {
      closeGap(position);
      position += name.length;
    }
  }
  closeGap(text.length);
  return unknown;
}

export const STR_06: Rule = {
  id: 'STR-06',
  severity: 'warning',
  title: '引言列举的部分名称与规范标题一致',
  check({ prose }) {
    const match = LIST.exec(prose.intro);
    if (match === null) return notApplicable('引言未列举各部分名称');
    const unknown = unknownParts(match[1]);
    if (unknown.length === 0) return pass();
    return fail(unknown.map((part) => textFinding(`引言列举的部分名称“${part}”与规范标题不符`, '规范部分名称', part)));
  },
};
