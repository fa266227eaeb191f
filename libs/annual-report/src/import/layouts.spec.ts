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
