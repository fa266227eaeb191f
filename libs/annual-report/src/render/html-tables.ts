import { readCell } from '../model/cells.js';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS, activeDisclosureTables, applicationsTable } from '../model/grid.js';
import type { RowDef } from '../model/grid.js';
import { APPLICANT_HEADER, APPLICATIONS_NOTE, INFO_CONTENT_HEADER, LEGAL_PERSON_GROUP } from '../model/labels.js';
import type { AnnualReport } from '../model/report.js';
import { escapeHtml } from '@sanshen/kernel';

const th = (text: string, attrs = ''): string => `<th${attrs}>${escapeHtml(text)}</th>`;
const plainTd = (value: number | null | undefined, suffix = ''): string =>
  `<td>${value === null || value === undefined ? '' : escapeHtml(`${value}${suffix}`)}</td>`;

/** A cell; one import left ambiguous is marked, with its candidates, until someone resolves it. */
function cellTd(report: AnnualReport, pointer: string, suffix = ''): string {
  const value = readCell(report, pointer);
  const candidates = value === null ? report.extraction?.ambiguousCells?.[pointer] : undefined;
  if (candidates === undefined) return plainTd(value, suffix);
  const shown = candidates.map((c) => (c === null ? '空白' : `${c}${suffix}`)).join(' 或 ');
  return `<td class="ambiguous" data-candidates="${escapeHtml(JSON.stringify(candidates))}" title="${escapeHtml(`导入时无法确定：${shown}`)}">？</td>`;
}
const span = (name: 'rowspan' | 'colspan', n: number): string => (n > 1 ? ` ${name}="${n}"` : '');

/** 二、主动公开政府信息情况: one table per 第二十条 item. */
export function activeDisclosureHtml(report: AnnualReport): string {
  return activeDisclosureTables(report.format)
    .map((table) => {
      const head = `<tr>${th(INFO_CONTENT_HEADER, ' scope="col"')}${table.columns.map((c) => th(c.label, ' scope="col"')).join('')}</tr>`;
      const rows = table.rows
        .map((row) => {
          const cells = table.columns.map((c) => cellTd(report, `${row.pointer}/${c.key}`, c.kind === 'moneyYuan' ? '元' : ''));
          return `<tr>${th(row.label, ' scope="row"')}${cells.join('')}</tr>`;
        })
        .join('\n');
      return `<table class="stat">\n<caption>${escapeHtml(table.title)}</caption>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    })
    .join('\n');
}

/** Spanning group cells a row opens: each group that starts at this row, with the rows it spans. */
function groupStarts(rows: readonly RowDef[], index: number): { label: string; rows: number }[] {
  return rows[index].groups.flatMap((label, level) => {
    if (index > 0 && rows[index - 1].groups[level] === label) return [];
    let count = 0;
    while (index + count < rows.length && rows[index + count].groups[level] === label) count += 1;
    return [{ label, rows: count }];
  });
}

/** 三、收到和处理政府信息公开申请情况 with the national merged header and row groups. */
export function applicationsHtml(report: AnnualReport): string {
  const rows = applicationsTable(report.format).rows;
  const groupColumns = APPLICANT_COLUMNS.filter((c) => c.group === LEGAL_PERSON_GROUP);
  const head = [
    `<tr>${th(APPLICATIONS_NOTE, ' colspan="3" rowspan="3" scope="col"')}${th(APPLICANT_HEADER, ' colspan="7" scope="colgroup"')}</tr>`,
    `<tr>${th('自然人', ' rowspan="2" scope="col"')}${th(LEGAL_PERSON_GROUP, ` colspan="${groupColumns.length}" scope="colgroup"`)}${th('总计', ' rowspan="2" scope="col"')}</tr>`,
    `<tr>${groupColumns.map((c) => th(c.label, ' scope="col"')).join('')}</tr>`,
  ].join('\n');
  const body = rows
    .map((row, index) => {
      const groups = groupStarts(rows, index).map((g) => th(g.label, `${span('rowspan', g.rows)} scope="rowgroup"`));
      const labelSpan = 3 - row.groups.length;
      const label = th(row.label, `${span('colspan', labelSpan)} scope="row"`);
      const cells = APPLICANT_COLUMNS.map((c) => cellTd(report, `${row.pointer}/${c.key}`));
      return `<tr>${groups.join('')}${label}${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="stat applications">\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** 四、政府信息公开行政复议、行政诉讼情况: 3 header rows and one row of 15 numbers. */
export function reviewHtml(report: AnnualReport): string {
  const [review, ...litigation] = REVIEW_GROUPS;
  const outcomes = REVIEW_OUTCOME_COLUMNS.map(([, label]) => label);
  const head = [
    `<tr>${th(review.label, ' colspan="5" scope="colgroup"')}${th(litigation[0].group, ' colspan="10" scope="colgroup"')}</tr>`,
    `<tr>${outcomes.map((l) => th(l, ' rowspan="2" scope="col"')).join('')}${litigation.map((g) => th(g.label, ' colspan="5" scope="colgroup"')).join('')}</tr>`,
    `<tr>${litigation.flatMap(() => outcomes.map((l) => th(l, ' scope="col"'))).join('')}</tr>`,
  ].join('\n');
  const cells = REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOME_COLUMNS.map(([key]) => cellTd(report, `/reviewLitigation/${g.key}/${key}`)));
  return `<table class="stat review">\n<thead>\n${head}\n</thead>\n<tbody>\n<tr>${cells.join('')}</tr>\n</tbody>\n</table>`;
}
