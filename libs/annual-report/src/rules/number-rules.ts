import { cellsOf, readCell } from '../model/cells.js';
import type { CellKind } from '../model/grid.js';
import type { FindingDraft, Rule } from './types.js';
import { cellFinding, cellName, cellState } from './operands.js';
import { fail, pass } from './verdict.js';

export const NUM_01: Rule = {
  id: 'NUM-01',
  severity: 'error',
  title: '非空统计单元格均为数字（无注释、区间、文字）',
  check({ report }) {
    const findings = cellsOf(report.format)
      .filter((def) => cellState(report, def.pointer) === 'invalid')
      .map((def) => {
        const written = report.extraction?.asWritten[def.pointer] ?? '';
        return cellFinding(report, def.pointer, `${cellName(def)}填写为“${written}”，不是数字`, '数字', written);
      });
    return findings.length > 0 ? fail(findings) : pass();
  },
};

function wellFormed(kind: CellKind, value: number): boolean {
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'signed':
      return Number.isInteger(value);
    case 'moneyYuan':
    case 'moneyTenThousandYuan':
      return Number.isFinite(value) && value >= 0;
  }
}

const EXPECTATION: Record<CellKind, string> = {
  count: '非负整数',
  signed: '整数（可带正负号）',
  moneyYuan: '非负金额',
  moneyTenThousandYuan: '非负金额',
};

export const NUM_02: Rule = {
  id: 'NUM-02',
  severity: 'error',
  title: '件数为非负整数，本年增/减为整数，金额非负',
  check({ report }) {
    const findings: FindingDraft[] = [];
    for (const def of cellsOf(report.format)) {
      const value = readCell(report, def.pointer);
      if (typeof value === 'number' && !wellFormed(def.kind, value)) {
        findings.push(cellFinding(report, def.pointer, `${cellName(def)}为${value}，应为${EXPECTATION[def.kind]}`, EXPECTATION[def.kind], value));
      }
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};
