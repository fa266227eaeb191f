import type { CellDef } from '../model/cells.js';
import type { AnnualReport } from '../model/report.js';
import type { FindingDraft } from './types.js';
import { cellFinding, cellName, cellState } from './operands.js';
import { fail, pass } from './verdict.js';
import type { Verdict } from './types.js';

/** Completeness (ACT19-01, ACT21-01, APP-01, REV-01): every listed cell holds a value (invalid text counts as present). */
export function completeness(report: AnnualReport, cells: readonly CellDef[], what: string, extra: FindingDraft[] = []): Verdict {
  const blank = cells.filter((def) => cellState(report, def.pointer) === 'blank');
  if (blank.length === 0 && extra.length === 0) return pass();
  const findings = blank.length > 40
    ? [
        {
          message: `${what}共${cells.length}个单元格，${blank.length}个空白，仅${cells.length - blank.length}个有值`,
          table: blank[0].tableLabel,
          row: null,
          column: null,
          expected: cells.length,
          actual: cells.length - blank.length,
          cells: blank.map((def) => def.pointer),
        },
      ]
    : blank.map((def) => cellFinding(report, def.pointer, `${cellName(def)}空白`, '数值', null));
  return fail([...findings, ...extra]);
}

