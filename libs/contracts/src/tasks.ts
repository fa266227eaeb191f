import type { DocumentKind, ReviewLevel } from '@sanshen/kernel';
import type { OnBehalfOf } from './review-rpc.js';

/**
 * What is waiting for someone (待办): a review level's sign-off, a secrecy review or a referral's
 * answer, a scheduled or failed publication, a retraction to authorize.
 */
export const TASK_KINDS = ['review', 'secrecy_review', 'referral', 'scheduled', 'publish_failed', 'retraction_request'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS = {
  review: '审核',
  secrecy_review: '保密审查',
  referral: '待保密行政管理部门答复',
  scheduled: '定时发布',
  publish_failed: '发布失败',
  retraction_request: '撤稿待授权',
} as const satisfies Record<TaskKind, string>;

/** A task as the service that owns it knows it: ids, not names (the gateway adds those). */
export interface ServiceTask {
  kind: TaskKind;
  documentId: string;
  version: number;
  level: ReviewLevel | null;
  /** When the task arrived. */
  arrivedAt: string;
  dueAt: string | null;
  /** Open content-check findings of the version, where the service knows them. */
  openFindings: { total: number; blocking: number } | null;
  /** What the person should know at a glance: the failure, the retraction's reason, the scheduled time. */
  note: string | null;
  /** Set when the task is the caller's through a delegation. */
  onBehalfOf?: OnBehalfOf | null;
}

export interface ServiceTaskList {
  items: ServiceTask[];
}

/** One row of a person's task list: the task, with the document's names. */
export interface TaskItem extends ServiceTask {
  title: string;
  documentKind: DocumentKind;
  /** 栏目 of an article; null for an annual report. */
  column: string | null;
  authorName: string;
  departmentName: string;
  overdue: boolean;
}

export interface TaskListView {
  items: TaskItem[];
}

export interface TaskCountsView {
  total: number;
  overdue: number;
  byKind: Record<TaskKind, number>;
}
