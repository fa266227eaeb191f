import type { Severity } from '../finding.js';

/** Why an entry exists; decides nothing by itself but groups the admin UI and the messages. */
export type WordingCategory = 'statute' | 'agency' | 'political' | 'legal' | 'typo';

/** One wrong → right pair of the wording dictionary. */
export interface WordingEntry {
  wrong: string;
  right: string;
  category: WordingCategory;
  /** Default: 'warning'. */
  severity?: Severity;
  /** Shown to people after the standard message, in Chinese. */
  note?: string;
}

export const CATEGORY_LABEL = {
  statute: '法律法规名称',
  agency: '机构名称',
  political: '规范表述',
  legal: '法律术语',
  typo: '错别字',
} as const satisfies Record<WordingCategory, string>;
