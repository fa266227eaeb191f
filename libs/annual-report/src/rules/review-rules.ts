import { cellsOf } from '../model/cells.js';
import { REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS } from '../model/grid.js';
import { SECTION_HEADINGS } from '../model/labels.js';
import type { Rule } from './types.js';
import { completeness } from './completeness.js';
import { equation } from './operands.js';
import { combine } from './verdict.js';

export const REV_01: Rule = {
  id: 'REV-01',
  severity: 'error',
  title: '行政复议、行政诉讼表15个单元格齐全',
  check({ report }) {
    return completeness(report, cellsOf(report.format, 'reviewLitigation'), '行政复议、行政诉讼表');
  },
};

function groupTotal(id: 'REV-02' | 'REV-03' | 'REV-04', index: 0 | 1 | 2, title: string): Rule {
  const group = REVIEW_GROUPS[index];
  const base = `/reviewLitigation/${group.key}`;
  const name = group.group === group.label ? group.label : `${group.group}（${group.label}）`;
  return {
    id,
    severity: 'error',
    title,
    check(context) {
      const parts = REVIEW_OUTCOME_COLUMNS.slice(0, 4);
      return combine([
        equation(context, {
          left: [{ pointer: `${base}/total`, name: '总计' }],
          right: parts.map(([key, label]) => ({ pointer: `${base}/${key}`, name: label })),
          relation: '=',
          where: `表四 ${name}`,
          table: SECTION_HEADINGS.reviewLitigation,
          row: name,
          column: '总计',
        }),
      ]);
    },
  };
}

export const REV_02 = groupTotal('REV-02', 0, '行政复议总计等于各结果之和');
export const REV_03 = groupTotal('REV-03', 1, '未经复议直接起诉总计等于各结果之和');
export const REV_04 = groupTotal('REV-04', 2, '复议后起诉总计等于各结果之和');
