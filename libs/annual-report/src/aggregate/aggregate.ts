import { ok } from '@sanshen/kernel';
import type { Result } from '@sanshen/kernel';
import { cellsOf, readCell, writeCell } from '../model/cells.js';
import { blankReport } from '../model/create-report.js';
import { formatForYear } from '../model/format.js';
import type { FormatError } from '../model/format.js';
import type { Agency, AnnualReport } from '../model/report.js';
import { checkReport } from '../rules/check-report.js';
import type { CheckMode, RuleId } from '../rules/types.js';

export interface AggregateInput {
  reportYear: number;
  /** The body publishing the 本级汇总 (e.g. XX市人民政府). */
  agency: Agency;
  reports: readonly AnnualReport[];
  /** Agencies that owe a report; those without one are listed as missing. */
  expectedAgencies?: readonly string[];
  /** Mode the submitted reports are checked in (default strict). */
  mode?: CheckMode;
}

export interface AggregateExclusion {
  agency: string;
  reportYear: number;
  reason: string;
}

export interface MunicipalAggregate {
  /** A report of the year's format whose tables hold the sums; prose is left to the author. */
  report: AnnualReport;
  /** Agencies whose tables were summed. */
  included: string[];
  /** Expected agencies with no report for the year. */
  missing: string[];
  /** Submitted reports that FAIL error-level rules, with those rules. */
  failing: { agency: string; errors: RuleId[] }[];
  /** Reports not summed: another year, or another format than the year's. */
  excluded: AggregateExclusion[];
  /** Cells blank in at least one summed report: their sum counts only the reports that filled them. */
  incompleteCells: string[];
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * 本级汇总: sums the tables of every agency's report for one year and lists who is missing and
 * whose report fails the rules. A cell blank in every report stays blank.
 */
export function aggregateReports(input: AggregateInput): Result<MunicipalAggregate, FormatError> {
  const format = formatForYear(input.reportYear);
  if (!format.ok) return format;
  const report = blankReport(format.value, {
    reportYear: input.reportYear,
    agency: input.agency,
    title: `${input.agency.name}${input.reportYear}年政府信息公开工作年度报告`,
  });
  const excluded: AggregateExclusion[] = [];
  const summed = input.reports.filter((r) => {
    if (r.reportYear !== input.reportYear) {
      excluded.push({ agency: r.agency.name, reportYear: r.reportYear, reason: `报告年度为${r.reportYear}，不是${input.reportYear}` });
      return false;
    }
    if (r.format !== format.value) {
      excluded.push({ agency: r.agency.name, reportYear: r.reportYear, reason: `使用${r.format}版格式，${input.reportYear}年度应为${format.value}版` });
      return false;
    }
    return true;
  });
  const incompleteCells: string[] = [];
  for (const def of cellsOf(format.value)) {
    const values = summed.map((r) => readCell(r, def.pointer) ?? null);
    const present = values.filter((v): v is number => v !== null);
    if (present.length < values.length) incompleteCells.push(def.pointer);
    writeCell(report, def.pointer, present.length === 0 ? null : round(present.reduce((a, b) => a + b, 0)));
  }
  const submitted = new Set(input.reports.filter((r) => r.reportYear === input.reportYear).map((r) => r.agency.name));
  const mode = input.mode ?? 'strict';
  return ok({
    report,
    included: summed.map((r) => r.agency.name),
    missing: (input.expectedAgencies ?? []).filter((name) => !submitted.has(name)),
    failing: summed
      .map((r) => ({ agency: r.agency.name, errors: checkReport(r, { mode }).errors }))
      .filter((f) => f.errors.length > 0),
    excluded,
    incompleteCells,
  });
}
