import type { TextDiffOp } from '@sanshen/contracts';

/** Above this many token pairs the diff gives up on alignment and reports a replacement. */
const MAX_CELLS = 4_000_000;

/** Splits text into sentences and lines, each token keeping its terminator, so that joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/[^\n。！？；]*(?:[\n。！？；]|$)/g)?.filter((t) => t !== '') ?? [];
}

/**
 * A sentence-level diff of two texts (LCS over sentence/line tokens; equal runs merged). Joining the
 * `equal` and `delete` texts gives `from`; joining `equal` and `insert` gives `to`.
 */
export function diffText(from: string, to: string): TextDiffOp[] {
  if (from === to) return from === '' ? [] : [{ op: 'equal', text: from }];
  const a = tokenize(from);
  const b = tokenize(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: TextDiffOp[] = [];
  const push = (op: TextDiffOp['op'], text: string): void => {
    const last = ops.at(-1);
    if (last?.op === op) last.text += text;
    else ops.push({ op, text });
  };
  for (const token of a.slice(0, start)) push('equal', token);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    for (const token of midA) push('delete', token);
    for (const token of midB) push('insert', token);
  } else {
    for (const [op, token] of lcsOps(midA, midB)) push(op, token);
  }
  for (const token of a.slice(endA)) push('equal', token);
  return ops;
}

function lcsOps(a: string[], b: string[]): [TextDiffOp['op'], string][] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: [TextDiffOp['op'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(['equal', a[i]!]);
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      ops.push(['delete', a[i]!]);
      i += 1;
    } else {
      ops.push(['insert', b[j]!]);
      j += 1;
    }
  }
  while (i < n) ops.push(['delete', a[i++]!]);
  while (j < m) ops.push(['insert', b[j++]!]);
  return ops;
}
