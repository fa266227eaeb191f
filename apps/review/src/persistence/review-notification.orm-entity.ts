import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewLevel } from '@sanshen/kernel';
import type { ReviewNotification } from '../domain/review-notification.js';

/**
 * An in-app message about a review task. Addressed by duty, not by name: whoever reviews `level` for
 * `departmentId` in the agency (or holds a delegation of that duty) sees it.
 */
@Entity({ name: 'review_notifications' })
export class ReviewNotificationOrmEntity implements ReviewNotification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('text')
  kind!: 'review_reminder' | 'review_escalation';

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  /** The audience: reviewers of this level for the department. */
  @Column('smallint')
  level!: ReviewLevel;

  @Column('uuid', { name: 'department_id' })
  departmentId!: string;

  /** `<documentId>/<seq>/<kind>`: one notification per task and kind, whatever the job retries. */
  @Column('text', { name: 'task_key' })
  taskKey!: string;

  @Column('text')
  title!: string;

  @Column('text')
  message!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
