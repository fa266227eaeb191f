import type { AnnualReport } from '../model/report.js';

export type Severity = 'error' | 'warning' | 'info';
/** Oracle vocabulary of RULES.md §0. */
export type RuleStatus = 'PASS' | 'FAIL' | 'N/A' | 'N/E';
/** strict: blanks are missing (drafting); blank-as-zero: blanks count as 0 (auditing published reports). */
export type CheckMode = 'strict' | 'blank-as-zero';

export type RuleId =
  | 'FMT-01' | 'FMT-02' | 'FMT-03'
  | 'STR-01' | 'STR-02' | 'STR-03' | 'STR-05' | 'STR-06' | 'STR-07'
  | 'PER-01' | 'PER-02' | 'PER-03' | 'PER-04'
  | 'NUM-01' | 'NUM-02'
  | 'ACT19-01' | 'ACT19-02' | 'ACT19-03' | 'ACT19-04' | 'ACT19-05'
  | 'ACT21-01' | 'ACT21-02' | 'ACT21-03'
  | 'APP-01' | 'APP-02' | 'APP-03' | 'APP-04' | 'APP-05' | 'APP-06' | 'APP-07'
  | 'REV-01' | 'REV-02' | 'REV-03' | 'REV-04'
  | 'LBL-01' | 'LBL-02'
  | 'TXT-01' | 'TXT-02' | 'TXT-03' | 'TXT-04' | 'TXT-05' | 'TXT-06'
  | 'SEM-01' | 'SEM-02'
  | 'XYR-01' | 'XYR-02' | 'XYR-03';

/** One thing a person must look at. Labels are the Chinese ones of the report; `cells` are schema pointers. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  table: string | null;
  row: string | null;
  column: string | null;
  expected: string | number | null;
  actual: string | number | null;
  cells: string[];
}

/** A finding before the engine stamps rule id and severity; `severity` only when it differs (info notices). */
export type FindingDraft = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface Verdict {
  status: RuleStatus;
  findings: FindingDraft[];
  /** Why a rule is N/A, or which parts were not evaluable (N/E) in strict mode. */
  notes: string[];
}

export interface RuleOutcome {
  ruleId: RuleId;
  /** The rule's severity in this mode (completeness rules drop to warning in blank-as-zero). */
  severity: Severity;
  status: RuleStatus;
  findings: Finding[];
  notes: string[];
}

/** Prose of the report, flattened once per check. */
export interface ProseView {
  intro: string;
  overall: string;
  problems: string;
  other: string;
  /** Intro and every section's prose, tables excluded, in order, separated by newlines. */
  all: string;
  /** The same prose with its original line breaks kept (a line start is a boundary for TXT-03). */
  lines: string;
}

export interface RuleContext {
  report: AnnualReport;
  mode: CheckMode;
  previous: AnnualReport | null;
  prose: ProseView;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** What the rule checks, in Chinese, for rule lists in the UI. */
  title: string;
  check(context: RuleContext): Verdict;
}
