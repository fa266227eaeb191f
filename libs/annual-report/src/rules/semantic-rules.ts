import { readCell } from '../model/cells.js';
import { cellsOf } from '../model/cells.js';
import { inferAgencyKind } from './period-rules.js';
import { cellFinding, cellName, operand } from './operands.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';
import { combine, fail, pass } from './verdict.js';
import type { Instance } from './verdict.js';

const MAY_MAKE_RULES = /人民政府|管委会|管理委员会|办公厅|办公室$/;

export const SEM_01: Rule = {
  id: 'SEM-01',
  severity: 'warning',
  title: '只有人民政府（或其办公厅、办公室）填报规章数',
  check({ report }) {
    const kind = report.agency.kind ?? inferAgencyKind(report.agency.name);
    if (kind !== 'department' || MAY_MAKE_RULES.test(report.agency.name)) return pass();
    const findings: FindingDraft[] = cellsOf(report.format, 'activeDisclosure')
      .filter((def) => def.rowId === 'regulations')
      .filter((def) => {
        const value = readCell(report, def.pointer);
        return typeof value === 'number' && value !== 0;
      })
      .map((def) =>
        cellFinding(report, def.pointer, `${report.agency.name}不是规章制定机关，${cellName(def)}填报为${readCell(report, def.pointer)}，可能误填了规范性文件或内部制度`, 0, readCell(report, def.pointer) ?? null),
      );
    return findings.length > 0 ? fail(findings) : pass();
  },
};

interface Absence {
  pattern: RegExp;
  what: string;
  cells(context: RuleContext): string[];
}

const DECISION_CELL = (context: RuleContext, row: string): string =>
  context.report.format === '2019' ? `${row}/decisionCount` : `${row}/decisionsThisYear`;

const POWERS: Record<string, string> = {
  行政许可: '/activeDisclosure/article20Item5/administrativeLicensing',
  行政处罚: '/activeDisclosure/article20Item6/administrativePunishment',
  行政强制: '/activeDisclosure/article20Item6/administrativeCoercion',
};

const ABSENCES: readonly Absence[] = [
  {
    pattern: /(?:无|没有|未(?:发生|作出|办理))((?:行政许可|行政处罚|行政强制|[、和及与])+)/g,
    what: '行政许可、处罚、强制',
    cells: () => [],
  },
  {
    pattern: /未(?:收到|受理|接到)[^。；;，,\d]{0,12}申请|(?:无|没有)(?:收到)?依申请公开/g,
    what: '政府信息公开申请',
    cells: () => ['/applications/newReceived/total'],
  },
  {
    pattern: /未(?:发生|收到|有)[^。；;]{0,20}行政复议/g,
    what: '行政复议',
    cells: () => ['/reviewLitigation/administrativeReview/total'],
  },
  {
    pattern: /未(?:发生|收到|有)[^。；;]{0,30}行政诉讼/g,
    what: '行政诉讼',
    cells: () => ['/reviewLitigation/litigationWithoutReview/total', '/reviewLitigation/litigationAfterReview/total'],
  },
];

function powerCells(context: RuleContext, listed: string): string[] {
  return Object.entries(POWERS)
    .filter(([power]) => listed.includes(power))
    .map(([, row]) => DECISION_CELL(context, row));
}

export const SEM_02: Rule = {
  id: 'SEM-02',
  severity: 'warning',
  title: '正文“无……”“未发生……”的表述与表格一致',
  check(context) {
    const instances: Instance[] = [];
    for (const absence of ABSENCES) {
      for (const match of context.prose.all.matchAll(absence.pattern)) {
        const cells = absence.what.startsWith('行政许可') ? powerCells(context, match[1] ?? '') : absence.cells(context);
        for (const pointer of cells) {
          const value = operand(context.report, pointer, context.mode);
          if (value === null) instances.push({ status: 'N/E', note: `正文“${match[0]}”对应的单元格空白` });
          else if (value === 0) instances.push({ status: 'PASS' });
          else {
            instances.push({
              status: 'FAIL',
              finding: cellFinding(context.report, pointer, `正文称“${match[0]}”，但表格填报为${value}`, 0, value),
            });
          }
        }
      }
    }
    return combine(instances, '正文没有“无……”“未发生……”类表述');
  },
};
