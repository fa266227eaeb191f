import type { ReportSections, SectionHeading, SectionId, TableId } from '../model/report.js';
import { findHeadings } from './headings.js';
import type { FoundHeading } from './headings.js';
import { readClosing, readFrontMatter } from './front-matter.js';
import type { Closing, FrontMatter } from './front-matter.js';
import type { SourceLine } from './source-lines.js';

export interface Range {
  from: number;
  to: number;
}

export interface DocumentLayout {
  front: FrontMatter;
  headings: FoundHeading[];
  closing: Closing;
  tables: Partial<Record<TableId, Range & { under: SectionId | null }>>;
  sections: ReportSections;
}

const NOTES: Partial<Record<SectionId, keyof ReportSections>> = {
  activeDisclosure: 'activeDisclosureNotes',
  applications: 'applicationsNotes',
  reviewLitigation: 'reviewLitigationNotes',
};
const PROSE: Partial<Record<SectionId, keyof ReportSections>> = {
  overall: 'overall',
  problemsAndImprovements: 'problemsAndImprovements',
  otherMatters: 'otherMatters',
};

const squash = (line: SourceLine): string => line.text.replace(/\s+/g, '');
const join = (lines: readonly SourceLine[]): string =>
  lines
    .map((l) => l.text)
    .filter((t) => t !== '')
    .join('\n');

function findFrom(lines: readonly SourceLine[], start: number, test: (squashed: string) => boolean): number {
  for (let index = start; index < lines.length; index += 1) if (test(squash(lines[index]))) return index;
  return -1;
}

function nextHeading(headings: readonly FoundHeading[], after: number, end: number): number {
  return headings.find((h) => h.index > after)?.index ?? end;
}

function sectionAt(headings: readonly FoundHeading[], index: number): SectionId | null {
  return headings.filter((h) => h.index < index).pop()?.section ?? null;
}

/** Where the title, headings, tables, prose and signature block are. */
export function layoutOf(lines: readonly SourceLine[]): DocumentLayout {
  const headings = findHeadings(lines);
  const first = headings[0]?.index ?? lines.length;
  const front = readFrontMatter(lines, first);
  const last = headings[headings.length - 1];
  const closing = readClosing(lines, last === undefined ? front.bodyStart : last.index + 1, lines.length);
  const end = closing.start;

  const tables: DocumentLayout['tables'] = {};
  const table = (id: TableId, start: number, stopBefore = end): void => {
    if (start < 0) return;
    tables[id] = { from: start, to: Math.min(nextHeading(headings, start, end), stopBefore), under: sectionAt(headings, start + 1) };
  };
  const appStart = findFrom(lines, front.bodyStart, (s) => s.includes('勾稽关系') || s.startsWith('申请人情况'));
  table('activeDisclosure', findFrom(lines, front.bodyStart, (s) => /^第二十条第/.test(s)), appStart < 0 ? end : appStart);
  const reviewHeading = headings.find((h) => h.section === 'reviewLitigation');
  // Without the 四 heading (a workbook's sheets, a page without headings) the review table starts at its 行政复议 header.
  const reviewHeader = findFrom(lines, appStart < 0 ? front.bodyStart : appStart + 1, (s) => s.startsWith('行政复议'));
  table('applications', appStart, reviewHeading === undefined && reviewHeader >= 0 ? reviewHeader : end);
  const reviewStart = reviewHeading !== undefined ? reviewHeading.index + 1 : reviewHeader;
  table('reviewLitigation', reviewStart);

  const sections: ReportSections = {
    intro: join(lines.slice(front.bodyStart, first)),
    overall: '',
    activeDisclosureNotes: '',
    applicationsNotes: '',
    reviewLitigationNotes: '',
    problemsAndImprovements: '',
    otherMatters: '',
  };
  headings.forEach((heading, i) => {
    const to = Math.min(headings[i + 1]?.index ?? end, end);
    const prose = PROSE[heading.section];
    const notes = NOTES[heading.section];
    const tableHere = Object.values(tables).find((t) => t.from > heading.index && t.from < to);
    const key = prose ?? notes;
    if (key === undefined) return;
    const body = join(lines.slice(heading.index + 1, prose === undefined && tableHere ? tableHere.from : to));
    sections[key] = sections[key] === '' ? body : `${sections[key]}\n${body}`;
  });
  return { front, headings, closing, tables, sections };
}

export function headingsOf(layout: DocumentLayout): SectionHeading[] {
  return layout.headings.map((h) => ({ section: h.section, text: h.text }));
}

