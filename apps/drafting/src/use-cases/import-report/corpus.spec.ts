import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReport, importReportText, readCell } from '@sanshen/annual-report';
import type { AnnualReport } from '@sanshen/annual-report';
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.js';

/**
 * Published reports the importer was not tuned to (test/fixtures/annual-reports, sources in its
 * SOURCES.md): each imported as a user would upload it, every hand-checked cell compared.
 */
const CORPUS = fileURLToPath(new URL('../../../../../test/fixtures/annual-reports/', import.meta.url));
const REPORTS = readdirSync(CORPUS).filter((f) => /\.(txt|html?)$/.test(f)).sort();

interface Expected {
  format: '2019' | '2021';
  reportYear: number;
  cells: Record<string, number | null>;
}

const CELL_RULES = /^(APP|REV|ACT19|ACT21|NUM)-/;

/** The imported report with every checked cell set to its checked value: what a right reading gives. */
function withTruth(report: AnnualReport, expected: Expected): AnnualReport {
  const truth = structuredClone(report);
  const extraction = truth.extraction!;
  for (const [pointer, value] of Object.entries(expected.cells)) {
    const keys = pointer.split('/').slice(1);
    let node = truth as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
    delete extraction.ambiguousCells?.[pointer];
  }
  return truth;
}

const failingRules = (report: AnnualReport, mode: 'strict' | 'blank-as-zero', rules: RegExp, previous?: AnnualReport): Set<string> =>
  new Set(checkReport(report, { mode, previous }).outcomes.filter((o) => o.status === 'FAIL' && rules.test(o.ruleId)).map((o) => `${mode} ${o.ruleId}`));

/** Cell rules failing on the imported report that would not fail had import read every checked cell right. */
function falseAlarms(report: AnnualReport, expected: Expected): string[] {
  const truth = withTruth(report, expected);
  return (['strict', 'blank-as-zero'] as const).flatMap((mode) => {
    const real = failingRules(truth, mode, CELL_RULES);
    return [...failingRules(report, mode, CELL_RULES)].filter((id) => !real.has(id));
  });
}

async function importCorpusReport(file: string): Promise<{ report: AnnualReport; expected: Expected }> {
  const expected = JSON.parse(readFileSync(`${CORPUS}${file.replace(/\.(txt|html?)$/, '.expected.json')}`, 'utf8')) as Expected;
  const text = await extractText(file, new Uint8Array(readFileSync(`${CORPUS}${file}`)));
  const result = importReportText(text);
  if (!result.ok) throw new Error(result.error.message);
  return { report: result.value.report, expected };
}

/** Reports of one agency in consecutive years (`<agency>-<year>.txt`): the chains the XYR rules read. */
const CHAINS = REPORTS.flatMap((file) => {
  const match = /^(.*)-(\d{4})\.(txt|html?)$/.exec(file);
  const next = match === null ? undefined : REPORTS.find((f) => new RegExp(`^${match[1]}-${Number(match[2]) + 1}\\.(txt|html?)$`).test(f));
  return next === undefined ? [] : [[file, next] as const];
});

describe('corpus of published reports', () => {
  it.each(REPORTS)('%s: every checked cell read exactly or as an honest ambiguity, no false alarm', async (file) => {
    const { report, expected } = await importCorpusReport(file);
    expect([report.format, report.reportYear]).toEqual([expected.format, expected.reportYear]);
    const tally = { exact: 0, ambiguous: 0, wrong: [] as string[], missed: [] as string[] };
    for (const [pointer, value] of Object.entries(expected.cells)) {
      const candidates = report.extraction?.ambiguousCells?.[pointer];
      const actual = readCell(report, pointer) ?? null;
      if (candidates !== undefined) {
        if (candidates.includes(value)) tally.ambiguous += 1;
        else tally.wrong.push(`${pointer}: ${value} ∉ {${candidates.join(', ')}}`);
      } else if (actual === value) tally.exact += 1;
      else if (actual === null) tally.missed.push(pointer);
      else tally.wrong.push(`${pointer}: ${actual} ≠ ${value}`);
    }
    const alarms = falseAlarms(report, expected);
    console.info(`corpus ${file}: ${Object.keys(expected.cells).length} cells, exact ${tally.exact}, ambiguous ${tally.ambiguous}, wrong ${tally.wrong.length}, missed ${tally.missed.length}, false alarms ${alarms.length}`);
    expect(tally.wrong).toEqual([]);
    expect(tally.missed).toEqual([]);
    expect(alarms).toEqual([]);
  });

  it.each(CHAINS)('%s → %s: the XYR rules on the imported chain fail only where they fail on the checked cells', async (last, current) => {
    const previous = await importCorpusReport(last);
    const imported = await importCorpusReport(current);
    const truthPrevious = withTruth(previous.report, previous.expected);
    const truth = withTruth(imported.report, imported.expected);
    const alarms = (['strict', 'blank-as-zero'] as const).flatMap((mode) => {
      const real = failingRules(truth, mode, /^XYR-/, truthPrevious);
      return [...failingRules(imported.report, mode, /^XYR-/, previous.report)].filter((id) => !real.has(id));
    });
    expect(alarms).toEqual([]);
    // The chain is read: 上年结转 is compared with last year's 结转下年度.
    expect(checkReport(imported.report, { previous: previous.report, only: ['XYR-03'] }).outcomes[0]!.status).toBe('PASS');
  });
});

describe('a fragment of a real PDF extraction (test/fixtures/annual-reports/pdf-fragments, SOURCES.md)', () => {
  it('reads its rows: header split over lines, vertical and wrapped group labels, a group label before its first row', () => {
    // The fragment starts on page 4, inside the （六） sub-table; the lines before it are the report's own.
    const fragment = readFileSync(`${CORPUS}pdf-fragments/szfgs-2024-section3.txt`, 'utf8');
    const result = importReportText(`某市2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条 第（六）项\n${fragment}`);
    if (!result.ok) throw new Error(result.error.message);
    const { report, unplaced, ambiguous } = result.value;
    expect(unplaced).toEqual([]);
    expect(ambiguous).toEqual([]);
    const rows: Record<string, number[]> = {
      newReceived: [3001, 53, 0, 0, 61, 4, 3119],
      carriedOverFromPreviousYear: [34, 0, 0, 0, 0, 0, 34],
      'results/granted': [1288, 21, 0, 0, 50, 3, 1362],
      'results/partiallyGranted': [447, 7, 0, 0, 0, 0, 454],
      'results/denied/stateSecret': [2, 0, 0, 0, 0, 0, 2],
      'results/denied/prohibitedByLawsAndRegulations': [30, 1, 0, 0, 0, 0, 31],
      'results/denied/endangersThreeSecuritiesOneStability': [5, 0, 0, 0, 0, 0, 5],
      'results/denied/protectsThirdPartyRights': [6, 0, 0, 0, 0, 0, 6],
      'results/denied/internalAffairs': [7, 1, 0, 0, 0, 0, 8],
      'results/denied/processInformation': [12, 0, 0, 0, 0, 0, 12],
      'results/denied/lawEnforcementCaseFile': [9, 0, 0, 0, 0, 0, 9],
      'results/denied/administrativeQuery': [105, 0, 0, 0, 0, 0, 105],
      'results/unableToProvide/notHeldByAgency': [746, 12, 0, 0, 10, 1, 769],
    };
    const columns = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceInstitution', 'otherOrganization', 'total'];
    for (const [row, values] of Object.entries(rows)) expect(columns.map((c) => readCell(report, `/applications/${row}/${c}`))).toEqual(values);
    expect(readCell(report, '/activeDisclosure/article20Item6/administrativePunishment/decisionsThisYear')).toBe(3985758);
    expect(readCell(report, '/activeDisclosure/article20Item6/administrativeCoercion/decisionsThisYear')).toBe(88283);
    expect(readCell(report, '/activeDisclosure/article20Item8/administrativeFees/amountTenThousandYuan')).toBe(96171.6);
  });
});
