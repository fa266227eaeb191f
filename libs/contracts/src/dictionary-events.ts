/**
 * Events of the secrecy dictionary (versioned data, kept by the secrecy service). Not document events:
 * they travel under `sanshen.dictionary.*`, so the ledger and the document consumers (`document.>`)
 * never see them. Type names are wire contracts: never rename; change payloads only additively.
 */
export const DICTIONARY_EVENTS = {
  /** A dictionary version exists: the whole dictionary as of that version. */
  versionPublished: 'dictionary.version_published',
} as const;

/**
 * The outbox key of the dictionary's events: one aggregate, `sequence` = the dictionary version, so a
 * version is published once (the outbox refuses a second row with the same sequence).
 */
export const DICTIONARY_AGGREGATE_ID = '5d1c7a00-0000-5000-8000-00000000d1c7';

export interface DictionaryEntryData {
  wrong: string;
  right: string;
  category: 'statute' | 'agency' | 'political' | 'legal' | 'typo';
  severity?: 'blocking' | 'warning';
  note?: string;
}

export interface LeaderTenureData {
  agencyId: string;
  name: string;
  title: string;
  /** yyyy-mm-dd */
  from: string;
  until: string | null;
}

/**
 * `dictionary.version_published`: everything the content checks need at `version` (entries,
 * exception phrases, every agency's leaders), so a service that runs the checks where its content is
 * (drafting's pre-check) keeps its own copy and never asks the secrecy service. Sent whole rather
 * than as a change: the dictionary is tens of kilobytes (the starter set is about 17 kB), far below
 * the NATS message limit, and a whole version needs no ordering and no replay.
 */
export interface DictionaryVersionPublishedPayload {
  version: number;
  entries: DictionaryEntryData[];
  exceptions: string[];
  leaders: LeaderTenureData[];
}
