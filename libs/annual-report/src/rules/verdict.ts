import type { FindingDraft, Verdict } from './types.js';

export interface Instance {
  status: 'PASS' | 'FAIL' | 'N/E';
  finding?: FindingDraft;
  note?: string;
}

export const pass = (notes: string[] = []): Verdict => ({ status: 'PASS', findings: [], notes });
export const notApplicable = (note: string): Verdict => ({ status: 'N/A', findings: [], notes: [note] });
export const fail = (findings: FindingDraft[], notes: string[] = []): Verdict => ({ status: 'FAIL', findings, notes });

/** Passes with notices attached (e.g. ACT19-04's info on "增 114"). */
export const passWith = (findings: FindingDraft[]): Verdict => ({ status: 'PASS', findings, notes: [] });

/**
 * Folds the per-row/per-column instances of a rule: any FAIL fails the rule; otherwise any PASS
 * passes it (with the not-evaluable parts kept as notes); only-N/E is N/E; nothing at all is N/A.
 */
export function combine(instances: readonly Instance[], emptyNote = '没有可检查的数据'): Verdict {
  const notes = instances.flatMap((i) => (i.status === 'N/E' && i.note !== undefined ? [i.note] : []));
  const failures = instances.filter((i) => i.status === 'FAIL');
  if (failures.length > 0) return fail(failures.flatMap((i) => (i.finding ? [i.finding] : [])), notes);
  if (instances.some((i) => i.status === 'PASS')) return pass(notes);
  if (instances.length > 0) return { status: 'N/E', findings: [], notes };
  return notApplicable(emptyNote);
}

/** A finding that is not about a table cell. */
export function textFinding(message: string, expected: string | number | null, actual: string | number | null): FindingDraft {
  return { message, table: null, row: null, column: null, expected, actual, cells: [] };
}
