import { SECTION_HEADINGS, SECTION_ORDER } from '../model/labels.js';
import type { SectionId, TableId } from '../model/report.js';
import type { FindingDraft, Rule } from './types.js';
import { fail, notApplicable, pass, textFinding } from './verdict.js';

const REQUIRED_PHRASE = '政府信息公开工作年度报告';
const squash = (text: string): string => text.replace(/\s+/g, '');

export const STR_01: Rule = {
  id: 'STR-01',
  severity: 'warning',
  title: '标题含机关名称、年度和“政府信息公开工作年度报告”',
  check({ report }) {
    const title = squash(report.title);
    const findings: FindingDraft[] = [];
    if (!title.includes(squash(report.agency.name))) {
      findings.push(textFinding(`标题“${report.title}”未包含机关名称“${report.agency.name}”`, report.agency.name, report.title));
    }
    if (!title.includes(String(report.reportYear))) {
      findings.push(textFinding(`标题“${report.title}”未包含报告年度${report.reportYear}`, report.reportYear, report.title));
    }
    if (!title.includes(REQUIRED_PHRASE)) {
      findings.push(textFinding(`标题“${report.title}”未使用规范名称“${REQUIRED_PHRASE}”`, REQUIRED_PHRASE, report.title));
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

export const STR_02: Rule = {
  id: 'STR-02',
  severity: 'error',
  title: '六个部分齐全',
  check({ report }) {
    const present = new Set(report.headings.map((h) => h.section));
    const findings = SECTION_ORDER.filter((s) => !present.has(s)).map((s) =>
      textFinding(`缺少“${SECTION_HEADINGS[s]}”部分`, SECTION_HEADINGS[s], null),
    );
    return findings.length > 0 ? fail(findings) : pass();
  },
};

const TABLE_SECTION: Record<TableId, SectionId> = {
  activeDisclosure: 'activeDisclosure',
  applications: 'applications',
  reviewLitigation: 'reviewLitigation',
};

export const STR_03: Rule = {
  id: 'STR-03',
  severity: 'error',
  title: '各部分按一至六排列、不重复，统计表位于所属部分',
  check({ report }) {
    const findings: FindingDraft[] = [];
    const seen = new Set<SectionId>();
    let last = -1;
    for (const heading of report.headings) {
      const index = SECTION_ORDER.indexOf(heading.section);
      if (seen.has(heading.section)) {
        findings.push(textFinding(`“${heading.text}”重复出现`, null, heading.text));
      } else if (index < last) {
        findings.push(textFinding(`“${heading.text}”排在后面部分之后，顺序颠倒`, SECTION_HEADINGS[heading.section], heading.text));
      }
      seen.add(heading.section);
      last = Math.max(last, index);
    }
    const placed = report.extraction?.tableSections ?? {};
    for (const table of Object.keys(TABLE_SECTION) as TableId[]) {
      const under = placed[table];
      if (under !== undefined && under !== TABLE_SECTION[table]) {
        findings.push(
          textFinding(
            `${SECTION_HEADINGS[TABLE_SECTION[table]]}的统计表不在该部分下`,
            SECTION_HEADINGS[TABLE_SECTION[table]],
            under === null ? '（无所属部分）' : SECTION_HEADINGS[under],
          ),
        );
      }
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

export const STR_07: Rule = {
  id: 'STR-07',
  severity: 'error',
  title: '各部分内容不为空，第五部分须有实质内容',
  check({ report, prose }) {
    const present = new Set(report.headings.map((h) => h.section));
    const findings: FindingDraft[] = [];
    const bodies: [SectionId, string][] = [
      ['overall', prose.overall],
      ['problemsAndImprovements', prose.problems],
      ['otherMatters', prose.other],
    ];
    for (const [section, body] of bodies) {
      if (!present.has(section)) continue;
      const text = body.trim();
      const empty = section === 'problemsAndImprovements' ? text.length < 10 || /^无/.test(text) : text.length === 0;
      if (empty) findings.push(textFinding(`“${SECTION_HEADINGS[section]}”内容为空或没有实质内容`, '正文', text));
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

const PART_COUNT = /([一二三四五六七八九十\d]+)\s*(?:个|大)?\s*部分(?!公开)/;

export const STR_05: Rule = {
  id: 'STR-05',
  severity: 'warning',
  title: '引言声明的部分数为六',
  check({ prose }) {
    const match = PART_COUNT.exec(prose.intro);
    if (match === null) return notApplicable('引言未声明部分数');
    const numeral = match[1];
    const count = /^\d+$/.test(numeral) ? Number(numeral) : '一二三四五六七八九十'.indexOf(numeral) + 1;
    if (count === 6) return pass();
    return fail([textFinding(`引言称报告由“${match[0]}”组成，国家格式为六个部分`, 6, count)]);
  },
};
