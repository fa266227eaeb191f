import type { FormatId } from '../model/format.js';
import { FORMAT_TABLES, REVIEW_OUTCOME_COLUMNS } from '../model/grid.js';
import {
  APPLICANT_HEADER,
  APPLICATIONS_NOTE,
  LEGAL_PERSON_GROUP,
  RESULTS_GROUP,
  SECTION_HEADINGS,
} from '../model/labels.js';
import { DENIED_GROUP, NOT_PROCESSED_GROUP, OTHER_HANDLING_LABEL, UNABLE_GROUP } from '../model/grid.js';
import { normaliseLabel } from '../text/normalise.js';
import { isAcceptedHeading } from '../text/headings.js';
import type { FindingDraft, Rule } from './types.js';
import { fail, pass, textFinding } from './verdict.js';

/** Label key → canonical text, per format (keys as recorded by the importer, see ExtractionFacts.labels). */
function canonicalLabels(format: FormatId): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of FORMAT_TABLES[format]) {
    for (const row of table.rows) map.set(row.pointer, row.label);
    if (table.table === 'activeDisclosure') for (const c of table.columns) map.set(`${table.pointer}#${c.key}`, c.label);
  }
  map.set('/applications#note', APPLICATIONS_NOTE);
  map.set('/applications/results', RESULTS_GROUP);
  map.set('/applications/results/denied', DENIED_GROUP);
  map.set('/applications/results/unableToProvide', UNABLE_GROUP);
  map.set('/applications/results/notProcessed', NOT_PROCESSED_GROUP);
  map.set('/applications/results/otherHandling', OTHER_HANDLING_LABEL);
  return map;
}
const CANONICAL = { '2019': canonicalLabels('2019'), '2021': canonicalLabels('2021') } as const;

const UNIT_SUFFIX = /\((?:单位:)?(?:元|万元|亿元)\)$/;

function sameLabel(written: string, canonical: string): boolean {
  const a = normaliseLabel(written);
  const b = normaliseLabel(canonical);
  return a === b || (!UNIT_SUFFIX.test(b) && a.replace(UNIT_SUFFIX, '') === b);
}

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

function headerFindings(key: string, written: string): FindingDraft[] {
  const text = normaliseLabel(written);
  const required: [string, number][] =
    key === '/applications#header'
      ? [[APPLICANT_HEADER, 1], [LEGAL_PERSON_GROUP, 1], ['自然人', 1], ['商业企业', 1], ['科研机构', 1], ['社会公益组织', 1], ['法律服务机构', 1], ['其他', 1], ['总计', 1]]
      : [['行政复议', 1], ['行政诉讼', 1], ['未经复议直接起诉', 1], ['复议后起诉', 1], ...REVIEW_OUTCOME_COLUMNS.map(([, l]): [string, number] => [l, 3])];
  const table = key.startsWith('/applications') ? SECTION_HEADINGS.applications : SECTION_HEADINGS.reviewLitigation;
  return required
    .filter(([label, times]) => count(text, label) < times)
    .map(([label]) => ({ message: `表头缺少或写错“${label}”`, table, row: null, column: label, expected: label, actual: written, cells: [] }));
}

export const LBL_01: Rule = {
  id: 'LBL-01',
  severity: 'error',
  title: '表格固定文字与所用格式的规范文字一致',
  check({ report }) {
    const labels = report.extraction?.labels ?? {};
    const canonical = CANONICAL[report.format];
    const findings: FindingDraft[] = [];
    for (const [key, written] of Object.entries(labels)) {
      if (key.endsWith('#header')) {
        findings.push(...headerFindings(key, written));
        continue;
      }
      const expected = canonical.get(key);
      if (expected === undefined || sameLabel(written, expected)) continue;
      findings.push({
        message: `表格文字“${written.trim()}”应为“${expected}”`,
        table: key.startsWith('/activeDisclosure') ? SECTION_HEADINGS.activeDisclosure : SECTION_HEADINGS.applications,
        row: key.includes('#') ? null : expected,
        column: key.includes('#') ? expected : null,
        expected,
        actual: written.trim(),
        cells: [],
      });
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

export const LBL_02: Rule = {
  id: 'LBL-02',
  severity: 'error',
  title: '部分标题没有错字、漏字、多字',
  check({ report }) {
    const findings = report.headings
      .filter((h) => !isAcceptedHeading(h.section, h.text))
      .map((h) => textFinding(`标题“${h.text}”与规范标题“${SECTION_HEADINGS[h.section]}”不符`, SECTION_HEADINGS[h.section], h.text));
    return findings.length > 0 ? fail(findings) : pass();
  },
};
