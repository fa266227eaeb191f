import { sampleReport } from '@sanshen/annual-report';
import { bench, describe } from 'vitest';
import { withCell } from '../apps/console/src/pages/annual/report-state.js';
import { liveCheck } from '../apps/console/src/pages/annual/use-live-check.js';

// The staff console's annual-report editor (issue #13): one cell edited, the whole report re-checked
// with last year's report, as on every keystroke in the browser. Target: under 50 ms.
const previous = sampleReport('2019', 2019);
let report = sampleReport('2019', 2020);
let value = 0;

describe('console: cell edit in the annual-report editor', () => {
  bench('withCell + liveCheck — 2019-format report with previous year', () => {
    value = (value + 1) % 7;
    report = withCell(report, '/applications/newReceived/naturalPerson', value);
    liveCheck(report, previous);
  });
});
