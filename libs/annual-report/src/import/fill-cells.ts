import { writeCell } from '../model/cells.js';
import type { CellKind } from '../model/grid.js';
import type { AnnualReport } from '../model/report.js';
import { parseCellText } from '../text/cell-text.js';
import type { MoneyUnit } from '../text/cell-text.js';

/** Writes one raw cell into the report: the parsed number (or null), and the text as written when it is not a plain number. */
export function fillCell(report: AnnualReport, asWritten: Record<string, string>, pointer: string, raw: string, kind: CellKind, headerUnit: MoneyUnit | null = null): void {
  const parsed = parseCellText(raw, kind, headerUnit);
  writeCell(report, pointer, parsed.value);
  const text = raw.trim();
  if (text === '') return;
  const plain = parsed.value !== null && text.replace(/\s+/g, '') === String(parsed.value);
  if (!plain || kind === 'moneyYuan' || kind === 'moneyTenThousandYuan') asWritten[pointer] = text;
}
