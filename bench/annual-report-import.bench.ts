import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { importReportText } from '@sanshen/annual-report';
import { renderLayout, syntheticReport } from '../libs/annual-report/src/testing/report-layouts.js';

// Import of one report; target (issue #15): under 50 ms, whatever the layout.
const reference = readFileSync(new URL('../test/fixtures/reference/002_zibo-gongxin-2019.txt', import.meta.url), 'utf8');
// A published report whose page text lost every line break and runs its table cells together (corpus).
const oneLine = readFileSync(new URL('../test/fixtures/annual-reports/pingtan-gwh-2024.txt', import.meta.url), 'utf8');
const truth = syntheticReport({ format: '2021', seed: 7, blankZeros: 0.5 });
const layouts = {
  pdf: renderLayout(truth, 'pdf', 3),
  blanks: renderLayout(truth, 'blanks', 3),
  runTogether: renderLayout(truth, 'runTogether', 3),
};

describe('annual-report import', () => {
  bench('importReportText — reference report 002 (PDF text, 2019 format)', () => {
    importReportText(reference);
  });
  bench('importReportText — published report, one line, cells run together (corpus pingtan-gwh-2024)', () => {
    importReportText(oneLine);
  });
  bench('importReportText — 2021 report, PDF-like text (values above/below labels, wrapped labels)', () => {
    importReportText(layouts.pdf);
  });
  bench('importReportText — 2021 report, web text with blanks lost', () => {
    importReportText(layouts.blanks);
  });
  bench('importReportText — 2021 report, web text with cells run together', () => {
    importReportText(layouts.runTogether);
  });
});
