import type { ReviewLevel } from '@sanshen/kernel';

/**
 * An in-app message about a review task, addressed by duty: whoever reviews `level` for
 * `departmentId` in the agency (or holds a delegation of that duty) sees it.
 */
export interface ReviewNotification {
  id: string;
  agencyId: string;
  kind: 'review_reminder' | 'review_escalation';
  documentId: string;
  level: ReviewLevel;
  departmentId: string;
  /** `<documentId>/<seq>/<kind>`: one notification per task and kind. */
  taskKey: string;
  title: string;
  message: string;
  createdAt: Date;
}

export type NewReviewNotification = Omit<ReviewNotification, 'id' | 'createdAt'>;
