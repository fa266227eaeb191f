import type { DocumentEventType, DocumentStatus, EventProducer, Role } from '@sanshen/kernel';

/** Who fires an event: a role, or the system itself (scheduled jobs, portal receipts). */
export type Performer = Role | 'system';

export interface Edge {
  readonly event: DocumentEventType;
  /** null: the document does not exist yet. */
  readonly from: DocumentStatus | null;
  readonly to: DocumentStatus;
  readonly by: readonly Performer[];
}

/**
 * The document state machine, exactly as ARCHITECTURE.md's table. One edge per (event, from):
 * `returned` has one edge per review level because each level has its own reviewer.
 */
export const EDGES: readonly Edge[] = [
  { event: 'created', from: null, to: 'draft', by: ['drafter'] },
  { event: 'revised', from: 'draft', to: 'draft', by: ['drafter'] },
  { event: 'submitted', from: 'draft', to: 'pending_l1', by: ['drafter'] },
  { event: 'withdrawn', from: 'pending_l1', to: 'draft', by: ['drafter'] },
  { event: 'approved_l1', from: 'pending_l1', to: 'pending_l2', by: ['dept_head'] },
  { event: 'approved_l2', from: 'pending_l2', to: 'pending_l3', by: ['deputy'] },
  { event: 'approved_l3', from: 'pending_l3', to: 'pending_secrecy', by: ['principal'] },
  { event: 'returned', from: 'pending_l1', to: 'draft', by: ['dept_head'] },
  { event: 'returned', from: 'pending_l2', to: 'draft', by: ['deputy'] },
  { event: 'returned', from: 'pending_l3', to: 'draft', by: ['principal'] },
  // 驳回上一级: back one level, not to the drafter (the level below must decide again).
  { event: 'returned_previous', from: 'pending_l2', to: 'pending_l1', by: ['deputy'] },
  { event: 'returned_previous', from: 'pending_l3', to: 'pending_l2', by: ['principal'] },
  // A resubmission of unchanged content resumes at the level that returned it: review carries each
  // still-valid signature forward, one level per event (the lifecycle checks the signature is bound).
  { event: 'resumed', from: 'pending_l1', to: 'pending_l2', by: ['system'] },
  { event: 'resumed', from: 'pending_l2', to: 'pending_l3', by: ['system'] },
  { event: 'secrecy_cleared', from: 'pending_secrecy', to: 'approved', by: ['secrecy_officer'] },
  { event: 'secrecy_returned', from: 'pending_secrecy', to: 'draft', by: ['secrecy_officer'] },
  { event: 'publish_started', from: 'approved', to: 'publishing', by: ['system'] },
  { event: 'published', from: 'publishing', to: 'published', by: ['system'] },
  { event: 'publish_failed', from: 'publishing', to: 'publish_failed', by: ['system'] },
  { event: 'publish_retried', from: 'publish_failed', to: 'publishing', by: ['publisher'] },
  // Requested by a publisher; the event is fired by the principal's authorization (a second person).
  { event: 'retracted', from: 'published', to: 'retracted', by: ['principal'] },
  // Correction (更正): the drafter reopens a published document; publication owns `published`, so it
  // emits the event and hands the baton back to drafting. The live page stays until the new version replaces it.
  { event: 'correction_started', from: 'published', to: 'draft', by: ['drafter'] },
  // 删除草稿: the author's department discards a draft (never published: drafting checks). Nothing leaves `discarded`.
  { event: 'discarded', from: 'draft', to: 'discarded', by: ['drafter', 'dept_head'] },
];

/** The service that owns (and alone may move) a document in each state. */
export const STATE_OWNER = {
  draft: 'drafting',
  pending_l1: 'review',
  pending_l2: 'review',
  pending_l3: 'review',
  pending_secrecy: 'secrecy',
  approved: 'publication',
  publishing: 'publication',
  published: 'publication',
  publish_failed: 'publication',
  retracted: 'publication',
  discarded: 'drafting',
} as const satisfies Record<DocumentStatus, EventProducer>;

/** The service that emits each event: the owner of the state the event leaves. */
export const EVENT_OWNER = {
  created: 'drafting',
  revised: 'drafting',
  submitted: 'drafting',
  withdrawn: 'review',
  approved_l1: 'review',
  approved_l2: 'review',
  approved_l3: 'review',
  returned: 'review',
  returned_previous: 'review',
  resumed: 'review',
  secrecy_cleared: 'secrecy',
  secrecy_returned: 'secrecy',
  publish_started: 'publication',
  published: 'publication',
  publish_failed: 'publication',
  publish_retried: 'publication',
  retracted: 'publication',
  correction_started: 'publication',
  discarded: 'drafting',
} as const satisfies Record<DocumentEventType, EventProducer>;
