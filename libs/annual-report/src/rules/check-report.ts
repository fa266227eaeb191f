import type { AnnualReport } from '../model/report.js';
import { flattenProse } from '../text/normalise.js';
import { COMPLETENESS_RULES, RULES } from './catalogue.js';
import type { CheckMode, Finding, ProseView, RuleContext, RuleId, RuleOutcome, Severity } from './types.js';

export interface CheckOptions {
  mode?: CheckMode;
  /** Last year's report of the same agency, for the XYR rules. */
  previous?: AnnualReport | null;
  /** Check only these rules (default: all). */
  only?: readonly RuleId[];
}

export interface ReportCheck {
  mode: CheckMode;
  outcomes: RuleOutcome[];
  /** All findings of all outcomes, info notices included. */
  findings: Finding[];
  /** Rules that FAIL at error severity; publishing must be blocked while any remain. */
  errors: RuleId[];
  warnings: RuleId[];
  /** True when no rule FAILs at error severity. */
  publishable: boolean;
}

export function proseOf(report: AnnualReport): ProseView {
  const s = report.sections;
  const intro = flattenProse(s.intro);
  const overall = flattenProse(s.overall);
  const problems = flattenProse(s.problemsAndImprovements);
  const other = flattenProse(s.otherMatters);
  const notes = [s.activeDisclosureNotes, s.applicationsNotes, s.reviewLitigationNotes].map(flattenProse);
  const all = [intro, overall, ...notes, problems, other].filter((t) => t !== '').join('\n');
  const lines = [s.intro, s.overall, s.activeDisclosureNotes, s.applicationsNotes, s.reviewLitigationNotes, s.problemsAndImprovements, s.otherMatters]
    .filter((t) => t !== '')
    .join('\n');
  return { intro, overall, problems, other, all, lines };
}

/** Runs the rule catalogue over a report. Pure: same input, same outcome. */
export function checkReport(report: AnnualReport, options: CheckOptions = {}): ReportCheck {
  const mode = options.mode ?? 'strict';
  const context: RuleContext = { report, mode, previous: options.previous ?? null, prose: proseOf(report) };
  const rules = options.only === undefined ? RULES : RULES.filter((r) => options.only!.includes(r.id));
  const outcomes = rules.map((rule): RuleOutcome => {
    const verdict = rule.check(context);
    const severity: Severity = mode === 'blank-as-zero' && COMPLETENESS_RULES.has(rule.id) ? 'warning' : rule.severity;
    return {
      ruleId: rule.id,
      severity,
      status: verdict.status,
      notes: verdict.notes,
      findings: verdict.findings.map((f) => ({ ...f, ruleId: rule.id, severity: f.severity ?? severity })),
    };
  });
  const failing = (severity: Severity): RuleId[] =>
    outcomes.filter((o) => o.status === 'FAIL' && o.severity === severity).map((o) => o.ruleId);
  const errors = failing('error');
  return {
    mode,
    outcomes,
    findings: outcomes.flatMap((o) => o.findings),
    errors,
    warnings: failing('warning'),
    publishable: errors.length === 0,
  };
}
