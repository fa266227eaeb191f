import type { DocumentStatus } from '@sanshen/kernel';

/** RPC patterns of the secrecy service. Wire contracts: never rename. */
export const SECRECY_RPC = {
  get: 'secrecy.review.get',
  decide: 'secrecy.decision.record',
  disposeFinding: 'secrecy.finding.dispose',
  answerReferral: 'secrecy.referral.answer',
  listEntries: 'secrecy.dictionary-entry.list',
  addEntry: 'secrecy.dictionary-entry.add',
  removeEntry: 'secrecy.dictionary-entry.remove',
  listExceptions: 'secrecy.dictionary-exception.list',
  addException: 'secrecy.dictionary-exception.add',
  removeException: 'secrecy.dictionary-exception.remove',
  listLeaders: 'secrecy.leader.list',
  addLeader: 'secrecy.leader.add',
  removeLeader: 'secrecy.leader.remove',
  listVersions: 'secrecy.dictionary-version.list',
  /** The secrecy officer's queue (ServiceTaskList): documents at 保密审查 and referrals awaiting an answer. */
  tasks: 'secrecy.task.list',
} as const;

export const SECRECY_CONCLUSIONS = ['public', 'return', 'refer'] as const;
export type SecrecyConclusion = (typeof SECRECY_CONCLUSIONS)[number];

/** What the 保密行政管理部门 answered to a referral: the document may go public, or goes back. */
export const REFERRAL_CONCLUSIONS = ['public', 'return'] as const;
export type ReferralConclusion = (typeof REFERRAL_CONCLUSIONS)[number];

export const FINDING_DISPOSITIONS = ['fixed', 'ignored', 'whitelisted'] as const;
export type FindingDisposition = (typeof FINDING_DISPOSITIONS)[number];

export interface SecrecyDecisionRequest {
  documentId: string;
  version: number;
  conclusion: SecrecyConclusion;
  /** Legal basis (依据), e.g. 《中华人民共和国保守国家秘密法》第三十五条. */
  basis: string;
  opinion: string;
}

export interface ReferralAnswerRequest {
  documentId: string;
  version: number;
  conclusion: ReferralConclusion;
  /** The answer's reference (e.g. the 保密行政管理部门's reply number). */
  answerReference: string;
  basis: string;
  /** Default: the answer's reference and conclusion in words. */
  opinion?: string;
}

export interface SecrecyDecisionView {
  id: string;
  documentId: string;
  version: number;
  contentHash: string;
  conclusion: SecrecyConclusion;
  basis: string;
  opinion: string;
  reviewerId: string;
  reviewerName: string;
  decidedAt: string;
  /** Set on a decision that records the answer to a referral: the referral it answers. */
  referralDecisionId?: string | null;
  answerReference?: string | null;
}

export interface FindingDispositionView {
  disposition: FindingDisposition;
  reason: string;
  byId: string;
  byName: string;
  at: string;
}

/** One automated finding of the scan of the version under review (libs/content-checks). */
export interface SecrecyFindingView {
  id: string;
  section: string;
  type: string;
  severity: 'blocking' | 'warning';
  start: number;
  end: number;
  matched: string;
  suggestion: string | null;
  message: string;
  disposition: FindingDispositionView | null;
}

export interface SecrecyScanView {
  id: string;
  version: number;
  contentHash: string;
  /** The dictionary version the scan used. */
  dictionaryVersion: number;
  scannedAt: string;
}

export interface SecrecyReviewView {
  documentId: string;
  version: number;
  contentHash: string;
  status: DocumentStatus;
  findings: SecrecyFindingView[];
  decision: SecrecyDecisionView | null;
  /** The scan of this version; null until the version reached pending_secrecy. */
  scan?: SecrecyScanView | null;
  /** Blocking findings without a disposition: clearing is refused while any remain. */
  openBlockingFindings?: number;
  /** The referral to the 保密行政管理部门 awaiting its answer, if any. */
  referral?: SecrecyDecisionView | null;
  /** Every decision on this version, oldest first (a referral, then its answer). */
  decisions?: SecrecyDecisionView[];
}

export interface DisposeFindingRequest {
  documentId: string;
  findingId: string;
  disposition: FindingDisposition;
  reason: string;
}

// --- the dictionary (admin) ---------------------------------------------------------------

export interface DictionaryChangeRequest {
  /** Why the dictionary changes: recorded on the new version. */
  reason: string;
}

export interface DictionaryEntryView {
  id: string;
  wrong: string;
  right: string;
  category: 'statute' | 'agency' | 'political' | 'legal' | 'typo';
  severity: 'blocking' | 'warning';
  note: string | null;
  /** The dictionary version that added it. */
  addedIn: number;
}

export interface AddDictionaryEntryRequest extends DictionaryChangeRequest {
  wrong: string;
  right: string;
  category: DictionaryEntryView['category'];
  severity?: 'blocking' | 'warning';
  note?: string;
}

export interface DictionaryExceptionView {
  id: string;
  phrase: string;
  reason: string | null;
  addedIn: number;
  /** The finding whose whitelisting added it, if any. */
  findingId: string | null;
}

export interface AddDictionaryExceptionRequest extends DictionaryChangeRequest {
  phrase: string;
}

export interface LeaderView {
  id: string;
  agencyId: string;
  name: string;
  title: string;
  from: string;
  until: string | null;
  addedIn: number;
}

export interface AddLeaderRequest extends DictionaryChangeRequest {
  name: string;
  title: string;
  from: string;
  until?: string | null;
}

export interface RemoveDictionaryItemRequest extends DictionaryChangeRequest {
  id: string;
}

export interface ListDictionaryRequest {
  /** Substring of the wrong or right form (entries), the phrase (exceptions), the name (leaders). */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface DictionaryPage<T> {
  /** The dictionary version the list shows. */
  version: number;
  items: T[];
  nextCursor: string | null;
}

export interface DictionaryVersionView {
  version: number;
  createdAt: string;
  createdById: string;
  createdByName: string;
  reason: string;
  /** What changed: `{op: 'add' | 'remove' | 'seed', kind: 'entry' | 'exception' | 'leader', id?, summary}`. */
  change: { op: 'seed' | 'add' | 'remove'; kind: 'dictionary' | 'entry' | 'exception' | 'leader'; id: string | null; summary: string };
}

export interface ListDictionaryVersionsRequest {
  limit?: number;
  cursor?: string;
}

export interface DictionaryVersionPage {
  items: DictionaryVersionView[];
  nextCursor: string | null;
}

/** Informational document events of the secrecy service (`document.secrecy.*`): in the ledger, no transition. */
export const SECRECY_INFO_EVENTS = {
  findingDisposed: 'document.secrecy.finding_disposed',
  referred: 'document.secrecy.referred',
} as const;

export interface FindingDisposedPayload {
  version: number;
  contentHash: string;
  findingId: string;
  findingType: string;
  severity: 'blocking' | 'warning';
  section: string;
  disposition: FindingDisposition;
  reason: string;
  /** Set when whitelisting made a new dictionary version. */
  dictionaryVersion: number | null;
}

export interface ReferredPayload {
  version: number;
  contentHash: string;
  decisionId: string;
  basis: string;
  opinion: string;
}
