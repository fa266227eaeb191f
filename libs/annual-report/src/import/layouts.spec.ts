import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../model/report.js';
import { checkReport } from '../rules/check-report.js';
import { TEXT_LAYOUTS, compareCells, renderLayout, syntheticReport } from '../testing/report-layouts.js';
import type { TextLayout } from '../testing/report-layouts.js';
import { importReportText } from './import-report.js';

const REFERENCE = new URL('../../../../test/fixtures/reference/', import.meta.url);
const FILES = ['000_haidong-gongxin-2019.txt', '001_haidong-zhengwufuwu-2019.txt', '002_zibo-gongxin-2019.txt', '003_haidong-pinpai-2021.txt', '004_weihai-gongxin-2020.txt'];

function importText(text: string) {
  const result = importReportText(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Rules that read cells; completeness rules are left out where import reported a row it could not place. */
const CELL_RULES = /^(APP|REV|ACT19|ACT21|NUM)-/;
const COMPLETENESS = new Set(['APP-01', 'REV-01', 'ACT19-01', 'ACT21-01']);

function falseAlarms(truth: AnnualReport, imported: AnnualReport, unplaced: number): string[] {
  const failing = (report: AnnualReport, mode: 'strict' | 'blank-as-zero') =>
    new Set(checkReport(report, { mode }).outcomes.filter((o) => o.status === 'FAIL' && CELL_RULES.test(o.ruleId)).map((o) => o.ruleId as string));
  return (['strict', 'blank-as-zero'] as const).flatMap((mode) => {
    const real = failing(truth, mode);
    return [...failing(imported, mode)].filter((id) => !real.has(id) && !(unplaced > 0 && COMPLETENESS.has(id))).map((id) => `${mode} ${id}`);
  });
}

function roundTrip(truth: AnnualReport, layout: TextLayout, seed: number) {
  const { report, unplaced } = importText(renderLayout(truth, layout, seed));
  return { ...compareCells(truth, report), alarms: falseAlarms(truth, report, unplaced.length), unplaced };
}

describe('layouts of the five reference reports', () => {
  const references = FILES.map((file) => importText(readFileSync(new URL(file, REFERENCE), 'utf8')).report);
  it.each(FILES.flatMap((file, i) => TEXT_LAYOUTS.map((layout) => [file, layout, i] as const)))('%s in the %s layout gives back every cell or an honest ambiguity', (_file, layout, i) => {
    for (const seed of [1, 2, 3]) {
      const trip = roundTrip(references[i], layout, seed);
      expect(trip.wrong).toEqual([]);
      expect(trip.alarms).toEqual([]);
      expect(trip.missed).toEqual([]);
    }
  });
});

describe('layouts of generated reports (property)', () => {
  it('never reads a wrong cell and never raises a finding the true report does not have', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2019' as const, '2021' as const),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.constantFrom(...TEXT_LAYOUTS),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (format, seed, blankZeros, layout, layoutSeed) => {
          const truth = syntheticReport({ format, seed, blankZeros });
          const trip = roundTrip(truth, layout, layoutSeed);
          expect(trip.wrong).toEqual([]);
          expect(trip.alarms).toEqual([]);
          expect(trip.missed).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a chain of imported consecutive years', () => {
  it('cross-year rules on two imported years fail only where they fail on the true reports', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(...TEXT_LAYOUTS), (seed1, seed2, layout) => {
        const last = syntheticReport({ format: '2021', seed: seed1, blankZeros: 0.3 });
        const current = syntheticReport({ format: '2021', seed: seed2, blankZeros: 0.3 });
        last.reportYear = current.reportYear - 1;
        chainCarry(last, current);
        const importedLast = importText(renderLayout(last, layout, seed1)).report;
        const importedCurrent = importText(renderLayout(current, layout, seed2)).report;
        const failing = (report: AnnualReport, previous: AnnualReport) =>
          checkReport(report, { mode: 'blank-as-zero', previous })
            .outcomes.filter((o) => o.status === 'FAIL' && o.ruleId.startsWith('XYR-'))
            .map((o) => o.ruleId);
        const real = failing(current, last);
        expect(failing(importedCurrent, importedLast).filter((id) => !real.includes(id))).toEqual([]);
        expect(checkReport(importedCurrent, { previous: importedLast, only: ['XYR-03'] }).outcomes[0].status).not.toBe('N/A');
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

/** Last year's 结转下年度 becomes this year's 上年结转, keeping last year's 一+二 = 三+四 (new adjusts). */
function chainCarry(last: AnnualReport, current: AnnualReport): void {
  const apps = (r: AnnualReport) => r.applications as unknown as Record<string, Record<string, number | null>> & { results: { total: Record<string, number | null> } };
  const [l, c] = [apps(last), apps(current)];
  for (const key of Object.keys(l['carriedForwardToNextYear'])) {
    const fwd = c['carriedOverFromPreviousYear'][key] ?? 0;
    l['carriedForwardToNextYear'][key] = fwd;
    const carry = l['carriedOverFromPreviousYear'][key] ?? 0;
    const total = l.results.total[key] ?? 0;
    if (total + fwd - carry < 0) l['carriedOverFromPreviousYear'][key] = 0;
    l['newReceived'][key] = total + fwd - (l['carriedOverFromPreviousYear'][key] ?? 0);
  }
}
