import { cellsOf, readCell } from '../model/cells.js';
import { moneyUnitIn } from '../text/cell-text.js';
import type { Rule, RuleContext } from './types.js';
import { completeness } from './completeness.js';
import { cellFinding, equation } from './operands.js';
import type { Term } from './operands.js';
import { combine, fail, notApplicable, pass, passWith } from './verdict.js';

const AD = '/activeDisclosure';
const TABLE = '二、主动公开政府信息情况';
const ITEM1_ROWS = [
  [`${AD}/article20Item1/regulations`, '规章'],
  [`${AD}/article20Item1/normativeDocuments`, '规范性文件'],
] as const;
export const CHANGE_ROWS_2019 = [
  [`${AD}/article20Item5/administrativeLicensing`, '行政许可'],
  [`${AD}/article20Item5/otherExternalManagementServices`, '其他对外管理服务事项'],
  [`${AD}/article20Item6/administrativePunishment`, '行政处罚'],
  [`${AD}/article20Item6/administrativeCoercion`, '行政强制'],
  [`${AD}/article20Item8/administrativeFees`, '行政事业性收费'],
] as const;
const PROCUREMENT = `${AD}/article20Item9/centralizedProcurement/totalAmountYuan`;

const only2019 = (context: RuleContext): boolean => context.report.format === '2019';
const NA = '仅适用于2019版格式';

export const ACT19_01: Rule = {
  id: 'ACT19-01',
  severity: 'error',
  title: '主动公开表（2019版）22个单元格齐全',
  check(context) {
    if (!only2019(context)) return notApplicable(NA);
    return completeness(context.report, cellsOf('2019', 'activeDisclosure'), '主动公开表');
  },
};

export const ACT19_02: Rule = {
  id: 'ACT19-02',
  severity: 'warning',
  title: '对外公开总数量不小于本年新公开数量',
  check(context) {
    if (!only2019(context)) return notApplicable(NA);
    return combine(
      ITEM1_ROWS.map(([row, label]) => {
        const left: Term[] = [{ pointer: `${row}/totalPublished`, name: '对外公开总数量' }];
        const right: Term[] = [{ pointer: `${row}/newlyPublished`, name: '本年新公开数量' }];
        return equation(context, { left, right, relation: '>=', where: `表二 ${label}`, table: TABLE, row: label, column: '对外公开总数量' });
      }),
    );
  },
};

export const ACT19_03: Rule = {
  id: 'ACT19-03',
  severity: 'error',
  title: '上一年项目数量加本年增/减不小于0',
  check(context) {
    if (!only2019(context)) return notApplicable(NA);
    return combine(
      CHANGE_ROWS_2019.map(([row, label]) =>
        equation(context, {
          left: [
            { pointer: `${row}/previousYearCount`, name: '上一年项目数量' },
            { pointer: `${row}/changeThisYear`, name: '本年增/减' },
          ],
          right: [],
          relation: '>=',
          where: `表二 ${label}`,
          table: TABLE,
          row: label,
          column: '本年增/减',
        }),
      ),
    );
  },
};

export const ACT19_04: Rule = {
  id: 'ACT19-04',
  severity: 'error',
  title: '本年增/减为带符号整数',
  check(context) {
    if (!only2019(context)) return notApplicable(NA);
    const { report } = context;
    const written = report.extraction?.asWritten ?? {};
    const failures = [];
    const notices = [];
    for (const [row, label] of CHANGE_ROWS_2019) {
      const pointer = `${row}/changeThisYear`;
      const text = written[pointer];
      const value = readCell(report, pointer);
      if (typeof value === 'number' && text !== undefined && /[增减]/.test(text)) {
        notices.push({
          ...cellFinding(report, pointer, `表二 ${label}·本年增/减写作“${text}”，已按${value >= 0 ? '+' : ''}${value}读取，建议写作带符号数字`, `${value >= 0 ? '+' : ''}${value}`, text),
          severity: 'info' as const,
        });
      } else if (value === null && text !== undefined && text.trim() !== '') {
        failures.push(cellFinding(report, pointer, `表二 ${label}·本年增/减“${text}”不能读作带符号整数`, '带符号整数', text));
      }
    }
    if (failures.length > 0) return fail([...failures, ...notices]);
    return notices.length > 0 ? passWith(notices) : pass();
  },
};

export const ACT19_05: Rule = {
  id: 'ACT19-05',
  severity: 'warning',
  title: '采购总金额非零时注明单位',
  check(context) {
    if (!only2019(context)) return notApplicable(NA);
    const { report } = context;
    const written = report.extraction?.asWritten[PROCUREMENT];
    if (written === undefined) return pass();
    const header = report.extraction?.labels[`${AD}/article20Item9#totalAmountYuan`] ?? '';
    const amount = Number(/\d+(?:\.\d+)?/.exec(written)?.[0] ?? '0');
    if (amount === 0 || moneyUnitIn(written) !== null || moneyUnitIn(header) !== null) return pass();
    return fail([cellFinding(report, PROCUREMENT, `表二 政府集中采购·采购总金额“${written}”未注明单位（元、万元或亿元）`, '带单位的金额', written)]);
  },
};
