import type { TextDiffOp } from '@sanshen/contracts';
import { diffArrays } from 'diff';

/**
 * Above this many changed sentences the diff gives up on alignment and reports a replacement. Myers'
 * algorithm (jsdiff) costs about (changes²), so this bounds the work a request can cause.
 */
const MAX_EDIT_LENGTH = 1_000;

/** Splits text into sentences and lines, each token keeping its terminator, so that joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/[^\n。！？；]*(?:[\n。！？；]|$)/g)?.filter((t) => t !== '') ?? [];
}

/**
 * A sentence-level diff of two texts (jsdiff over sentence/line tokens; equal runs merged). Joining
 * the `equal` and `delete` texts gives `from`; joining `equal` and `insert` gives `to`.
 */
export function diffText(from: string, to: string): TextDiffOp[] {
  if (from === to) return from === '' ? [] : [{ op: 'equal', text: from }];
  const changes = diffArrays(tokenize(from), tokenize(to), { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { removed: true, added: false, value: [from] },
    { removed: false, added: true, value: [to] },
  ];
  const ops: TextDiffOp[] = [];
  for (const change of changes) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const text = change.value.join('');
    const last = ops.at(-1);
    if (text === '') continue;
    if (last?.op === op) last.text += text;
    else ops.push({ op, text });
  }
  return ops;
}
