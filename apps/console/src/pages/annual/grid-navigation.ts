import type { KeyboardEvent } from 'react';

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function cellAt(grid: string, row: number, column: number): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[data-grid="${grid}"][data-r="${row}"][data-c="${column}"]`);
}

/**
 * Spreadsheet keys in a statistical table: arrows move between cells (left/right once the caret is
 * at the edge of the text), Enter moves down, Tab follows the reading order (the browser's own).
 */
export function moveInGrid(event: KeyboardEvent<HTMLInputElement>): void {
  const move = MOVES[event.key];
  if (move === undefined) return;
  const input = event.currentTarget;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  if ((event.key === 'ArrowLeft' && !atStart) || (event.key === 'ArrowRight' && !atEnd)) return;
  const { grid = '', r = '0', c = '0' } = input.dataset;
  const target = cellAt(grid, Number(r) + move[0], Number(c) + move[1]);
  if (target === null) return;
  event.preventDefault();
  target.focus();
  target.select();
}

/** The cells to the right of a cell in its row, itself first (for pasting a row of numbers). */
export function rowFrom(input: HTMLInputElement, count: number): HTMLInputElement[] {
  const { grid = '', r = '0', c = '0' } = input.dataset;
  const cells: HTMLInputElement[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    const cell = cellAt(grid, Number(r), Number(c) + offset);
    if (cell === null) break;
    cells.push(cell);
  }
  return cells;
}
