import { APPLICANT_COLUMNS } from '../model/grid.js';
import { CHANGE_ROWS_2019 } from './active-2019-rules.js';
import { operand } from './operands.js';
import type { Rule, RuleContext } from './types.js';
import { combine, notApplicable } from './verdict.js';
import type { Instance } from './verdict.js';

type Previous = NonNullable<RuleContext['previous']>;

function previousOf(context: RuleContext): Previous | string {
  const previous = context.previous;
  if (previous === null) return '未提供上一年度报告';
  if (previous.reportYear !== context.report.reportYear - 1) return `所给报告为${previous.reportYear}年度，不是上一年度`;
  return previous;
}

/** this = Σ previous terms (+ this-year terms − subtracted this-year terms), across two reports. */
function crossEquation(
  context: RuleContext,
  previous: Previous,
  spec: { where: string; table: string; row: string | null; column: string; target: string; previousTerms: string[]; plus?: string[]; minus?: string[] },
): Instance {
  const { mode, report } = context;
  const target = operand(report, spec.target, mode);
  const before = spec.previousTerms.map((p) => operand(previous, p, mode));
  const plus = (spec.plus ?? []).map((p) => operand(report, p, mode));
  const minus = (spec.minus ?? []).map((p) => operand(report, p, mode));
  if ([target, ...before, ...plus, ...minus].some((v) => v === null)) {
    return { status: 'N/E', note: `${spec.where}：有空白单元格，无法与上一年度核对` };
  }
  const expected = [...before, ...plus].reduce<number>((a, b) => a + (b as number), 0) - minus.reduce<number>((a, b) => a + (b as number), 0);
  if (expected === target) return { status: 'PASS' };
  return {
    status: 'FAIL',
    finding: {
      message: `${spec.where}：本年${target}，按上一年度报告推算应为${expected}`,
      table: spec.table,
      row: spec.row,
      column: spec.column,
      expected,
      actual: target,
      cells: [spec.target, ...(spec.plus ?? []), ...(spec.minus ?? [])],
    },
  };
}

export const XYR_01: Rule = {
  id: 'XYR-01',
  severity: 'warning',
  title: '2019版：上一年项目数量＝上年报告的上一年项目数量＋本年增/减',
  check(context) {
    const previous = previousOf(context);
    if (typeof previous === 'string') return notApplicable(previous);
    if (context.report.format !== '2019' || previous.format !== '2019') return notApplicable('两年报告须均为2019版格式');
    return combine(
      CHANGE_ROWS_2019.map(([row, label]) =>
        crossEquation(context, previous, {
          where: `表二 ${label}·上一年项目数量`,
          table: '二、主动公开政府信息情况',
          row: label,
          column: '上一年项目数量',
          target: `${row}/previousYearCount`,
          previousTerms: [`${row}/previousYearCount`, `${row}/changeThisYear`],
        }),
      ),
    );
  },
};

export const XYR_02: Rule = {
  id: 'XYR-02',
  severity: 'warning',
  title: '2021版：现行有效件数＝上年现行有效件数＋本年制发－本年废止',
  check(context) {
    const previous = previousOf(context);
    if (typeof previous === 'string') return notApplicable(previous);
    if (context.report.format !== '2021' || previous.format !== '2021') return notApplicable('两年报告须均为2021版格式');
    const rows = [
      ['/activeDisclosure/article20Item1/regulations', '规章'],
      ['/activeDisclosure/article20Item1/normativeDocuments', '行政规范性文件'],
    ] as const;
    return combine(
      rows.map(([row, label]) =>
        crossEquation(context, previous, {
          where: `表二 ${label}·现行有效件数`,
          table: '二、主动公开政府信息情况',
          row: label,
          column: '现行有效件数',
          target: `${row}/currentlyValid`,
          previousTerms: [`${row}/currentlyValid`],
          plus: [`${row}/issuedThisYear`],
          minus: [`${row}/repealedThisYear`],
        }),
      ),
    );
  },
};

export const XYR_03: Rule = {
  id: 'XYR-03',
  severity: 'warning',
  title: '上年结转＝上一年度报告的结转下年度',
  check(context) {
    const previous = previousOf(context);
    if (typeof previous === 'string') return notApplicable(previous);
    return combine(
      APPLICANT_COLUMNS.map((c) =>
        crossEquation(context, previous, {
          where: `表三 ${c.label}列·上年结转`,
          table: '三、收到和处理政府信息公开申请情况',
          row: '二、上年结转政府信息公开申请数量',
          column: c.label,
          target: `/applications/carriedOverFromPreviousYear/${c.key}`,
          previousTerms: [`/applications/carriedForwardToNextYear/${c.key}`],
        }),
      ),
    );
  },
};
