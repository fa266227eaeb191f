/** RPC patterns of the publication service. Wire contracts: never rename. */
export const PUBLICATION_RPC = {
  get: 'publication.publication.get',
  retry: 'publication.publication.retry',
  schedule: 'publication.schedule.set',
  requestRetraction: 'publication.retraction.request',
  authorizeRetraction: 'publication.retraction.authorize',
  startCorrection: 'publication.correction.start',
  queueOverview: 'publication.queue.overview',
  /** The agency's publish-failure notifications for its publishers (a NotificationListView; empty for other roles). */
  notifications: 'publication.notification.list',
  /** Publishers' tasks (scheduled, failed, retraction requests) and principals' (retractions to authorize): a ServiceTaskList. */
  tasks: 'publication.task.list',
  /** The current version rendered exactly as the portal will show it, not stored (PagePreview). */
  preview: 'publication.page.preview',
} as const;

export interface PagePreviewRequest {
  documentId: string;
}

/** A page as the portal would show it, with a notice that it is not published. */
export interface PagePreview {
  documentId: string;
  version: number;
  html: string;
}

export const QUEUE_JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** Operators' view of the push queue (administrators only): counts and the latest jobs of some states. */
export interface QueueOverviewRequest {
  /** Which jobs to list; all but `completed` when absent. */
  states?: QueueJobState[];
  /** At most this many jobs per state (1–100, default 20). */
  limit?: number;
}

export interface QueueJobView {
  id: string;
  state: QueueJobState;
  publicationId: string;
  run: number;
  attemptsMade: number;
  attempts: number;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
  /** Delayed jobs: when they run (定时发布, or the next retry). */
  runAt: string | null;
  failedReason: string | null;
}

export interface QueueOverview {
  queue: string;
  counts: Record<QueueJobState, number>;
  jobs: QueueJobView[];
}

/** 定时发布: publish this version at `publishAt` (ISO 8601 with offset) instead of at once. */
export interface ScheduleRequest {
  documentId: string;
  version: number;
  publishAt: string;
}

export interface ScheduleView {
  documentId: string;
  version: number;
  publishAt: string;
  setBy: string;
  setAt: string;
  /** `scheduled` once the version is cleared and waiting for its time; `pending` before. */
  state: 'pending' | 'scheduled';
}

/** 撤稿 request by a publisher: the principal authorizes it with `{documentId}`. */
export interface RetractionRequest {
  documentId: string;
  reason: string;
}

/** Informational document events of the publication service (`document.publication.*`): in the ledger, no transition. */
export const PUBLICATION_INFO_EVENTS = {
  /** A publisher asked for 撤稿: it awaits the principal's authorization. */
  retractionRequested: 'document.publication.retraction_requested',
} as const;

export interface RetractionRequestedPayload {
  version: number;
  contentHash: string;
  publicationId: string;
  reason: string;
  requestedBy: string;
}

/** 更正: a drafter reopens the published document; the new version goes through the whole flow. */
export interface CorrectionRequest {
  documentId: string;
  reason?: string | null;
}

export interface RetractionView {
  reason: string;
  requestedBy: string;
  requestedAt: string;
  authorizedBy: string | null;
  retractedAt: string | null;
}

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
  /** The retraction request and its authorization, once a publisher asked for one. */
  retraction?: RetractionView | null;
  /** Set when a drafter reopened this published version for a correction (更正). */
  correctionStartedAt?: string | null;
}
