import { cellsOf, readCell } from '../model/cells.js';
import type { Rule, RuleContext } from './types.js';
import { completeness } from './completeness.js';
import { cellFinding, equation } from './operands.js';
import { combine, fail, notApplicable, pass, textFinding } from './verdict.js';

const AD = '/activeDisclosure';
const TABLE = '二、主动公开政府信息情况';
const FEE = `${AD}/article20Item8/administrativeFees/amountTenThousandYuan`;
const only2021 = (context: RuleContext): boolean => context.report.format === '2021';
const NA = '仅适用于2021版格式';

export const ACT21_01: Rule = {
  id: 'ACT21-01',
  severity: 'error',
  title: '主动公开表（2021版）10个单元格齐全，无第二十条第（九）项',
  check(context) {
    if (!only2021(context)) return notApplicable(NA);
    const extra = context.report.extraction?.item9TablePresent
      ? [textFinding('2021版格式已取消“第二十条第（九）项 政府集中采购”表，报告中仍有该表', '无此表', '第二十条第（九）项')]
      : [];
    return completeness(context.report, cellsOf('2021', 'activeDisclosure'), '主动公开表', extra);
  },
};

export const ACT21_02: Rule = {
  id: 'ACT21-02',
  severity: 'warning',
  title: '现行有效件数不小于本年制发件数',
  check(context) {
    if (!only2021(context)) return notApplicable(NA);
    const rows = [
      [`${AD}/article20Item1/regulations`, '规章'],
      [`${AD}/article20Item1/normativeDocuments`, '行政规范性文件'],
    ] as const;
    return combine(
      rows.map(([row, label]) =>
        equation(context, {
          left: [{ pointer: `${row}/currentlyValid`, name: '现行有效件数' }],
          right: [{ pointer: `${row}/issuedThisYear`, name: '本年制发件数' }],
          relation: '>=',
          where: `表二 ${label}`,
          table: TABLE,
          row: label,
          column: '现行有效件数',
        }),
      ),
    );
  },
};

export const ACT21_03: Rule = {
  id: 'ACT21-03',
  severity: 'error',
  title: '本年收费金额为非负数（单位：万元）',
  check(context) {
    if (!only2021(context)) return notApplicable(NA);
    const { report } = context;
    const value = readCell(report, FEE);
    const written = report.extraction?.asWritten[FEE];
    if (typeof value === 'number') {
      if (Number.isFinite(value) && value >= 0) return pass();
      return fail([cellFinding(report, FEE, `表二 行政事业性收费·本年收费金额为${value}，应为非负金额（万元）`, '非负金额', value)]);
    }
    if (written !== undefined && written.trim() !== '') {
      return fail([cellFinding(report, FEE, `表二 行政事业性收费·本年收费金额“${written}”不是金额`, '非负金额（万元）', written)]);
    }
    return { status: context.mode === 'strict' ? 'N/E' : 'PASS', findings: [], notes: ['本年收费金额空白'] };
  },
};
