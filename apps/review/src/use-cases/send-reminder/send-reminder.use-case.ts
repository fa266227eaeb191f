import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REVIEW_CONFIG } from '../../config/review.config.js';
import type { ReviewConfig } from '../../config/review.config.js';
import { WebhookNotifier } from '../../adapters/webhook.notifier.js';
import { ReviewRepository } from '../../persistence/review.repository.js';
import type { ReminderJobData } from '../../queue/reminder-queue.js';
import { LEVEL_LABELS } from '@sanshen/kernel';

const PENDING = { 1: 'pending_l1', 2: 'pending_l2', 3: 'pending_l3' } as const;

/**
 * A task has been open N (reminder) or M (escalation) working days: if it is still the same task
 * (the case has not moved since it opened), store an in-app notification for its assignee, or for the
 * next level up (一审 → the deputy overseeing the department, 二审 and 三审 → the principal), and mark
 * the case. One notification per task and kind, however often the job runs.
 */
@Injectable()
export class SendReminderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly webhook: WebhookNotifier,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  async execute(job: ReminderJobData): Promise<'sent' | 'stale'> {
    const created = await this.dataSource.transaction(async (manager) => {
      const reviewCase = await this.reviews.lockCase(manager, job.documentId);
      if (reviewCase === null || reviewCase.eventSeq !== job.seq || reviewCase.status !== PENDING[job.level]) return undefined;
      const escalate = job.kind === 'escalate';
      const audience = escalate ? (Math.min(job.level + 1, 3) as 1 | 2 | 3) : job.level;
      const days = escalate ? this.config.escalationDays : this.config.reminderDays;
      const task = `《${reviewCase.title}》的${LEVEL_LABELS[job.level]}`;
      const message = escalate
        ? `${task}已超过 ${days} 个工作日未处理，现提请您督办。`
        : `${task}已在您的待办中超过 ${days} 个工作日，请及时审核。`;
      const notification = await this.reviews.addNotification(manager, {
        agencyId: reviewCase.agencyId,
        kind: escalate ? 'review_escalation' : 'review_reminder',
        documentId: reviewCase.documentId,
        level: audience,
        departmentId: reviewCase.departmentId,
        taskKey: `${job.documentId}/${job.seq}/${job.kind}`,
        title: escalate ? `审核超期督办：${reviewCase.title}` : `审核提醒：${reviewCase.title}`,
        message,
      });
      if (escalate) reviewCase.escalatedAt ??= new Date();
      else reviewCase.remindedAt ??= new Date();
      await this.reviews.updateCase(manager, reviewCase);
      return notification;
    });
    if (created === undefined) return 'stale';
    if (created !== null) {
      await this.webhook.send({
        id: created.id,
        kind: created.kind,
        documentId: created.documentId,
        level: created.level,
        title: created.title,
        message: created.message,
        createdAt: created.createdAt.toISOString(),
        agencyId: created.agencyId,
        departmentId: created.departmentId,
      });
    }
    return 'sent';
  }
}
