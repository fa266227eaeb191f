import { bench, describe } from 'vitest';
import { checkReport, sampleReport } from '@sanshen/annual-report';

// One complete 2021-format report with prose; target: a full check (all 47 rules) under 5 ms.
const report = sampleReport('2021');
const previous = sampleReport('2021', 2021);
const current = sampleReport('2021', 2022);

describe('annual-report check', () => {
  bench('checkReport — full 2021-format report, strict', () => {
    checkReport(report, { mode: 'strict' });
  });

  bench('checkReport — full 2021-format report with previous year, blank-as-zero', () => {
    checkReport(current, { mode: 'blank-as-zero', previous });
  });
});
