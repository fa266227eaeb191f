import type { Cell, Finding } from '@sanshen/annual-report';
import { memo, useState } from 'react';
import type { ClipboardEvent } from 'react';
import { moveInGrid, rowFrom } from './grid-navigation';
import { parseCell, pastedNumbers } from './report-state';

export type CellEntries = [pointer: string, value: Cell][];

interface Props {
  pointer: string;
  label: string;
  grid: string;
  r: number;
  c: number;
  value: Cell;
  findings: Finding[] | undefined;
  carry: boolean;
  onCells: (entries: CellEntries) => void;
}

/** One statistical cell: typed, checked on every keystroke, marked when a rule fails on it. */
export const CellInput = memo(function CellInput({ pointer, label, grid, r, c, value, findings, carry, onCells }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseCell(draft) === 'invalid';
  const severity = invalid || findings?.some((f) => f.severity === 'error') ? 'error' : findings?.length ? 'warning' : null;
  const title = invalid ? '请输入数字' : (findings ?? []).map((f) => f.message).join('\n') || (carry ? '上年结转：由上一年度报告带入' : undefined);

  const change = (text: string) => {
    setDraft(text);
    const parsed = parseCell(text);
    if (parsed !== 'invalid') onCells([[pointer, parsed]]);
  };
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const numbers = pastedNumbers(event.clipboardData.getData('text'));
    if (numbers.length < 2) return;
    event.preventDefault();
    const cells = rowFrom(event.currentTarget, numbers.length);
    const entries: CellEntries = [];
    cells.forEach((cell, index) => {
      const parsed = parseCell(numbers[index] ?? '');
      if (parsed !== 'invalid' && cell.dataset.pointer) entries.push([cell.dataset.pointer, parsed]);
    });
    setDraft(null);
    onCells(entries);
  };

  return (
    <input
      className={`report-cell${severity ? ` cell-${severity}` : ''}${carry ? ' cell-carry' : ''}`}
      inputMode="numeric"
      aria-label={`${label}${carry ? '（上年结转）' : ''}`}
      aria-invalid={severity === 'error' ? true : undefined}
      title={title}
      data-grid={grid}
      data-r={r}
      data-c={c}
      data-pointer={pointer}
      value={draft ?? (value === null ? '' : String(value))}
      onChange={(event) => change(event.target.value)}
      onBlur={() => {
        if (!invalid) setDraft(null);
      }}
      onKeyDown={moveInGrid}
      onPaste={paste}
    />
  );
});
