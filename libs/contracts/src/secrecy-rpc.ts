import type { DocumentStatus } from './document.js';

/** RPC patterns of the secrecy service. Wire contracts: never rename. */
export const SECRECY_RPC = {
  get: 'secrecy.review.get',
  decide: 'secrecy.decision.record',
} as const;

export const SECRECY_CONCLUSIONS = ['public', 'return', 'refer'] as const;
export type SecrecyConclusion = (typeof SECRECY_CONCLUSIONS)[number];

export interface SecrecyDecisionRequest {
  documentId: string;
  version: number;
  conclusion: SecrecyConclusion;
  /** Legal basis (依据), e.g. 《中华人民共和国保守国家秘密法》第三十五条. */
  basis: string;
  opinion: string;
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
}

export interface SecrecyReviewView {
  documentId: string;
  version: number;
  contentHash: string;
  status: DocumentStatus;
  findings: unknown[];
  decision: SecrecyDecisionView | null;
}
