import { cellsOf, readCell } from '../model/cells.js';
import { APPLICANT_COLUMNS, applicationsTable } from '../model/grid.js';
import type { RowDef } from '../model/grid.js';
import { SECTION_HEADINGS } from '../model/labels.js';
import type { Rule, RuleContext } from './types.js';
import { completeness } from './completeness.js';
import { equation } from './operands.js';
import type { Instance } from './verdict.js';
import type { Term } from './operands.js';
import { combine, fail, notApplicable, pass, textFinding } from './verdict.js';

const TABLE = SECTION_HEADINGS.applications;
const rows = (context: RuleContext): readonly RowDef[] => applicationsTable(context.report.format).rows;
const rowById = (context: RuleContext, id: string): RowDef => rows(context).find((r) => r.id === id)!;
const term = (row: RowDef, columnKey: string): Term => ({ pointer: `${row.pointer}/${columnKey}`, name: row.short });

/** The rows summed into （七）总计: granted … （六）, whichever shape （六） has. */
const RESULT_ROW = /^(granted|partial|d\d|u\d|n\d|other|o\d)$/;

export const APP_01: Rule = {
  id: 'APP-01',
  severity: 'error',
  title: '申请情况表每个单元格均有数值',
  check({ report }) {
    const verdict = completeness(report, cellsOf(report.format, 'applications'), '申请情况表');
    const stray = Object.keys(report.extraction?.unplacedRowValues ?? {});
    if (verdict.status !== 'FAIL' || stray.length === 0) return verdict;
    const table = applicationsTable(report.format);
    const empty = table.rows.filter((r) => !stray.includes(r.pointer) && APPLICANT_COLUMNS.every((c) => readCell(report, `${r.pointer}/${c.key}`) === null));
    const note = textFinding(
      `申请情况表有${stray.length}行的数值无法确定所在列（未导入）${empty.length > 0 ? `，${empty.map((r) => `“${r.label}”`).join('、')}行没有任何数值` : ''}`,
      table.rows.length * APPLICANT_COLUMNS.length,
      stray.length,
    );
    return { ...verdict, findings: [...verdict.findings, { ...note, table: TABLE, cells: stray }] };
  },
};

export const APP_02: Rule = {
  id: 'APP-02',
  severity: 'error',
  title: '每行总计等于六类申请人之和',
  check(context) {
    const [total, ...parts] = [APPLICANT_COLUMNS[6], ...APPLICANT_COLUMNS.slice(0, 6)];
    return combine(
      rows(context).map((row) =>
        equation(context, {
          left: [{ pointer: `${row.pointer}/${total.key}`, name: '总计' }],
          right: parts.map((c) => ({ pointer: `${row.pointer}/${c.key}`, name: c.label })),
          relation: '=',
          where: `表三 ${row.short}行`,
          table: TABLE,
          row: row.label,
          column: total.label,
        }),
      ),
    );
  },
};

export const APP_03: Rule = {
  id: 'APP-03',
  severity: 'error',
  title: '勾稽关系：本年新收＋上年结转＝办理结果总计＋结转下年度',
  check(context) {
    const [fresh, carry, total, fwd] = ['new', 'carry', 'total', 'fwd'].map((id) => rowById(context, id));
    return combine(
      APPLICANT_COLUMNS.map((c) =>
        equation(context, {
          left: [term(fresh, c.key), term(carry, c.key)],
          right: [term(total, c.key), term(fwd, c.key)],
          relation: '=',
          where: `表三 ${c.label}列`,
          table: TABLE,
          row: null,
          column: c.label,
        }),
      ),
    );
  },
};

export const APP_04: Rule = {
  id: 'APP-04',
  severity: 'error',
  title: '办理结果总计等于（一）至（六）之和',
  check(context) {
    const total = rowById(context, 'total');
    const parts = rows(context).filter((r) => RESULT_ROW.test(r.id));
    return combine(
      APPLICANT_COLUMNS.map((c) =>
        equation(context, {
          left: [{ pointer: `${total.pointer}/${c.key}`, name: '（七）总计' }],
          right: parts.map((r) => term(r, c.key)),
          relation: '=',
          where: `表三 ${c.label}列`,
          table: TABLE,
          row: total.label,
          column: c.label,
        }),
      ),
    );
  },
};

export const APP_05: Rule = {
  id: 'APP-05',
  severity: 'error',
  title: '“（六）其他处理”的结构符合所用格式',
  check({ report }) {
    const seen = report.extraction?.elementFormats.otherHandling ?? report.format;
    if (seen === report.format) return pass();
    const shape = (f: string): string => (f === '2019' ? '单独一行' : '分1至3项');
    return fail([
      textFinding(`${report.format}版格式的“（六）其他处理”应${shape(report.format)}，报告中为${shape(seen)}`, shape(report.format), shape(seen)),
    ]);
  },
};

const SUBTOTALS = {
  denied: { label: '（三）不予公开', pattern: /^d\d$/ },
  unableToProvide: { label: '（四）无法提供', pattern: /^u\d$/ },
  notProcessed: { label: '（五）不予处理', pattern: /^n\d$/ },
  otherHandling: { label: '（六）其他处理', pattern: /^o\d$/ },
} as const;

export const APP_07: Rule = {
  id: 'APP-07',
  severity: 'error',
  title: '填报的小计等于其各项之和',
  check(context) {
    const subtotals = context.report.applications.subtotals;
    if (subtotals === undefined) return notApplicable('未填报小计');
    const instances: Instance[] = [];
    for (const key of Object.keys(SUBTOTALS) as (keyof typeof SUBTOTALS)[]) {
      if (subtotals[key] === undefined) continue;
      const items = rows(context).filter((r) => SUBTOTALS[key].pattern.test(r.id));
      if (items.length === 0) continue;
      for (const c of APPLICANT_COLUMNS) {
        instances.push(
          equation(context, {
            left: [{ pointer: `/applications/subtotals/${key}/${c.key}`, name: `${SUBTOTALS[key].label}小计` }],
            right: items.map((r) => term(r, c.key)),
            relation: '=',
            where: `表三 ${SUBTOTALS[key].label}小计 ${c.label}列`,
            table: TABLE,
            row: `${SUBTOTALS[key].label}小计`,
            column: c.label,
          }),
        );
      }
    }
    return combine(instances, '未填报小计');
  },
};
