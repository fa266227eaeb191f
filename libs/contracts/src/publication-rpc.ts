/** RPC patterns of the publication service. Wire contracts: never rename. */
export const PUBLICATION_RPC = {
  get: 'publication.publication.get',
  retry: 'publication.publication.retry',
} as const;

export interface PublicationRequest {
  documentId: string;
}

export interface PublicationAttemptView {
  attempt: number;
  at: string;
  outcome: 'succeeded' | 'retrying' | 'failed';
  httpStatus: number | null;
  error: string | null;
}

export interface PublicationView {
  publicationId: string;
  documentId: string;
  version: number;
  contentHash: string;
  state: 'scheduled' | 'publishing' | 'published' | 'publish_failed' | 'retracted';
  scheduledAt: string | null;
  attempts: PublicationAttemptView[];
  receipt: { url: string; publishedAt: string; contentHash: string } | null;
}
