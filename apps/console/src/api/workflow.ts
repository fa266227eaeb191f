import { api } from './http';
import type { BatchApproveView } from '@sanshen/contracts';
import type { ApprovalSheetView, PublicationView, SecrecyReviewView } from './types';

const base = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;

export type { BatchApproveResult as BatchResult } from '@sanshen/contracts';

export const review = {
  approve: (id: string, body: { version: number; comment?: string }) => api.post(`${base(id)}/approve`, body),
  return: (id: string, body: { version: number; reason: string; to: 'drafter' | 'previous' }) => api.post(`${base(id)}/return`, body),
  batchApprove: (items: { documentId: string; version: number }[], comment?: string) =>
    api.post<BatchApproveView>('/api/v1/reviews/batch-approve', { items, ...(comment ? { comment } : {}) }),
  sheet: (id: string) => api.get<{ sheet: ApprovalSheetView } | ApprovalSheetView>(`${base(id)}/approval-sheet?format=json`),
};

export const secrecy = {
  get: (id: string) => api.get<SecrecyReviewView>(`${base(id)}/secrecy`),
  dispose: (id: string, findingId: string, body: { disposition: string; reason: string }) =>
    api.post(`${base(id)}/secrecy/findings/${encodeURIComponent(findingId)}`, body),
  decide: (id: string, body: { version: number; conclusion: string; basis: string; opinion: string }) => api.post(`${base(id)}/secrecy/decision`, body),
  answer: (id: string, body: { version: number; conclusion: string; answerReference: string; basis: string; opinion?: string }) =>
    api.post(`${base(id)}/secrecy/referral-answer`, body),
};

export const publication = {
  get: (id: string) => api.get<PublicationView>(`${base(id)}/publication`),
  retry: (id: string) => api.post(`${base(id)}/publication/retry`, {}),
  schedule: (id: string, version: number, publishAt: string) => api.post(`${base(id)}/schedule`, { version, publishAt }),
  retract: (id: string, reason: string) => api.post(`${base(id)}/retract`, { reason }),
  authorizeRetraction: (id: string) => api.post(`${base(id)}/retract/authorize`, {}),
  correction: (id: string, reason: string) => api.post(`${base(id)}/correction`, { reason }),
};
