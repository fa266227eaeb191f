import { checkReport } from '@sanshen/annual-report';
import type { AnnualReport, Finding, ReportCheck } from '@sanshen/annual-report';
import { useMemo } from 'react';

export interface LiveCheck {
  check: ReportCheck;
  /** Cell pointer → the error and warning findings naming it. */
  byCell: Map<string, Finding[]>;
  errors: Finding[];
  warnings: Finding[];
  /** How long the check took (ms), for the benchmark and the status line. */
  tookMs: number;
}

export function liveCheck(report: AnnualReport, previous: AnnualReport | null): LiveCheck {
  const started = performance.now();
  const check = checkReport(report, { previous });
  const byCell = new Map<string, Finding[]>();
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const finding of check.findings) {
    if (finding.severity === 'error') errors.push(finding);
    else if (finding.severity === 'warning') warnings.push(finding);
    else continue;
    for (const cell of finding.cells) byCell.set(cell, [...(byCell.get(cell) ?? []), finding]);
  }
  return { check, byCell, errors, warnings, tookMs: performance.now() - started };
}

/** The annual-report rules run in the browser on every edit (the server's check stays the authority). */
export function useLiveCheck(report: AnnualReport, previous: AnnualReport | null): LiveCheck {
  return useMemo(() => liveCheck(report, previous), [report, previous]);
}
