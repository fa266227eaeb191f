import { findStatedPeriod } from '../text/period.js';
import type { SourceLine } from './source-lines.js';

export interface FrontMatter {
  agency: string;
  title: string;
  reportYear: number | null;
  /** Index of the line after the title. */
  bodyStart: number;
}

const TITLE = /(\d{4})\s*年度?.*报告/;
/** A title is a heading-sized line; a sentence of the opening that names a year and a 报告 is not one. */
const TITLE_MAX_LENGTH = 80;

/** Title and agency: the first "YYYY年…报告" line, with the agency before the year or on the line above. */
export function readFrontMatter(lines: readonly SourceLine[], end: number): FrontMatter {
  for (let index = 0; index < end; index += 1) {
    const match = lines[index].text.length > TITLE_MAX_LENGTH ? null : TITLE.exec(lines[index].text);
    if (match === null) continue;
    const line = lines[index].text;
    const before = line.slice(0, match.index).trim();
    if (before.length >= 2) return { agency: before, title: line, reportYear: Number(match[1]), bodyStart: index + 1 };
    const above = lines.slice(0, index).filter((l) => l.text !== '').pop();
    const agency = (above?.text ?? '').replace(/文件$/, '').trim();
    return { agency, title: `${agency}${line}`, reportYear: Number(match[1]), bodyStart: index + 1 };
  }
  return { agency: '', title: '', reportYear: statedYear(lines), bodyStart: 0 };
}

const STATED = /(\d{4})\s*年度?的?政府信息公开(?:工作)?(?:年度)?(?:情况)?(?:报告|工作)/;

/**
 * Without a title line with a year, the year a sentence of the opening names ("现公布我局2022年政府
 * 信息公开工作年度报告"), else the year its statistics period starts in ("统计期限自2020年1月1日起…"),
 * else the only year the opening names.
 */
function statedYear(lines: readonly SourceLine[]): number | null {
  const opening = lines.slice(0, 40);
  for (const line of opening) {
    const match = STATED.exec(line.text);
    if (match !== null) return Number(match[1]);
  }
  const text = opening.map((l) => l.text).join('');
  const period = findStatedPeriod(text);
  if (period !== null) return Number(period.start.slice(0, 4));
  // Else the one year the opening speaks of, when it names only one ("2021年，通过县政府门户网站…").
  const years = new Set([...text.slice(0, text.search(/第二十条第|$/)).matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : null;
}

export interface Closing {
  signatureDate?: string;
  publicationDate?: string;
  /** Index of the first closing line (signature names and dates), i.e. where prose ends. */
  start: number;
}

const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(印发|发布)?$/;
const ORGANISATION = /^[\u4e00-\u9fff（）()]{2,30}(?:局|委|办|厅|室|政府|委员会|中心|院|会|处|部|所|站|队)$/;

const iso = (m: RegExpExecArray): string => `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;

/** The signature block at the end (names and dates), read from the bottom up. */
export function readClosing(lines: readonly SourceLine[], from: number, to: number): Closing {
  let start = to;
  let signatureDate: string | undefined;
  let publicationDate: string | undefined;
  let sawDate = false;
  for (let index = to - 1; index >= from; index -= 1) {
    const text = lines[index].text;
    if (text === '') continue;
    const date = DATE.exec(text);
    if (date !== null) {
      sawDate = true;
      if (date[4] !== undefined) publicationDate = iso(date);
      else signatureDate = iso(date);
    } else if (!ORGANISATION.test(text)) break;
    start = index;
  }
  return sawDate ? { signatureDate, publicationDate, start } : { start: to };
}
