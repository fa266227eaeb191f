import { ACT19_01, ACT19_02, ACT19_03, ACT19_04, ACT19_05 } from './active-2019-rules.js';
import { ACT21_01, ACT21_02, ACT21_03 } from './active-2021-rules.js';
import { TXT_06 } from './agency-name-rule.js';
import { APP_01, APP_02, APP_03, APP_04, APP_05, APP_07 } from './application-rules.js';
import { XYR_01, XYR_02, XYR_03 } from './cross-year-rules.js';
import { FMT_01, FMT_02, FMT_03 } from './format-rules.js';
import { LBL_01, LBL_02 } from './label-rules.js';
import { NUM_01, NUM_02 } from './number-rules.js';
import { STR_06 } from './part-list-rule.js';
import { PER_01, PER_02, PER_03, PER_04 } from './period-rules.js';
import { APP_06 } from './prose-table-rule.js';
import { REV_01, REV_02, REV_03, REV_04 } from './review-rules.js';
import { SEM_01, SEM_02 } from './semantic-rules.js';
import { STR_01, STR_02, STR_03, STR_05, STR_07 } from './structure-rules.js';
import { TXT_01, TXT_02, TXT_03, TXT_04, TXT_05 } from './text-rules.js';
import type { Rule, RuleId } from './types.js';

/** Every rule of RULES.md §1, in catalogue order (STR-04 is reserved and has no check). */
export const RULES: readonly Rule[] = [
  FMT_01, FMT_02, FMT_03,
  STR_01, STR_02, STR_03, STR_05, STR_06, STR_07,
  PER_01, PER_02, PER_03, PER_04,
  NUM_01, NUM_02,
  ACT19_01, ACT19_02, ACT19_03, ACT19_04, ACT19_05,
  ACT21_01, ACT21_02, ACT21_03,
  APP_01, APP_02, APP_03, APP_04, APP_05, APP_06, APP_07,
  REV_01, REV_02, REV_03, REV_04,
  LBL_01, LBL_02,
  TXT_01, TXT_02, TXT_03, TXT_04, TXT_05, TXT_06,
  SEM_01, SEM_02,
  XYR_01, XYR_02, XYR_03,
];

/** Completeness rules still FAIL in blank-as-zero mode, downgraded to warning (RULES.md §0). */
export const COMPLETENESS_RULES: ReadonlySet<RuleId> = new Set(['ACT19-01', 'ACT21-01', 'APP-01', 'REV-01']);
