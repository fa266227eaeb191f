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

/** Cell rules failing on the imported report that would not fail had import read every checked cell right. */
function falseAlarms(report: AnnualReport, expected: Expected): string[] {
  const truth = structuredClone(report);
  const extraction = truth.extraction!;
  for (const [pointer, value] of Object.entries(expected.cells)) {
    const keys = pointer.split('/').slice(1);
    let node = truth as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
    delete extraction.ambiguousCells?.[pointer];
  }
  const failing = (r: AnnualReport, mode: 'strict' | 'blank-as-zero'): Set<string> =>
    new Set(checkReport(r, { mode }).outcomes.filter((o) => o.status === 'FAIL' && CELL_RULES.test(o.ruleId)).map((o) => `${mode} ${o.ruleId}`));
  return (['strict', 'blank-as-zero'] as const).flatMap((mode) => {
    const real = failing(truth, mode);
    return [...failing(report, mode)].filter((id) => !real.has(id));
  });
}

describe('corpus of published reports', () => {
  it.each(REPORTS)('%s: every checked cell read exactly or as an honest ambiguity, no false alarm', async (file) => {
    const expected = JSON.parse(readFileSync(`${CORPUS}${file.replace(/\.(txt|html?)$/, '.expected.json')}`, 'utf8')) as Expected;
    const text = await extractText(file, new Uint8Array(readFileSync(`${CORPUS}${file}`)));
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.error.message);
    const { report } = result.value;
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
});
