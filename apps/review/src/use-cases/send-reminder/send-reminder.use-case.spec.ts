import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { WebhookNotifier } from '../../adapters/webhook.notifier.js';
import type { ReviewCase } from '../../domain/review-case.js';
import type { NewReviewNotification, ReviewNotification } from '../../domain/review-notification.js';
import type { ReminderJobData } from '../../queue/reminder-queue.js';
import { DOC, REMINDER_CONFIG, notification, reviewCase, reviewsWith } from '../review-case.fixture.js';
import { SendReminderUseCase } from './send-reminder.use-case.js';

/** The case in memory, notifications unique per task key (as the table is), the webhook's posts. */
function reminderOf(current: ReviewCase | null) {
  const stored: ReviewNotification[] = [];
  const saved: ReviewCase[] = [];
  const posted: unknown[] = [];
  const reviews = reviewsWith({
    lockCase: async () => current,
    updateCase: async (_manager, reviewCase) => void saved.push({ ...reviewCase }),
    addNotification: async (_manager, created: NewReviewNotification) => {
      if (stored.some((existing) => existing.taskKey === created.taskKey)) return null;
      const row = notification({ ...created, id: `n-${stored.length + 1}` });
      stored.push(row);
      return row;
    },
  });
  const dataSource = { transaction: <T>(work: (manager: unknown) => Promise<T>) => work({}) } as unknown as DataSource;
  const webhook = { send: async (sent: unknown) => void posted.push(sent) } as unknown as WebhookNotifier;
  const useCase = new SendReminderUseCase(dataSource, reviews, webhook, REMINDER_CONFIG);
  return { send: (job: ReminderJobData) => useCase.execute(job), stored, saved, posted };
}

const job = (level: 1 | 2 | 3, kind: 'remind' | 'escalate', seq = 5): ReminderJobData => ({ documentId: DOC, seq, level, kind });

describe('SendReminderUseCase', () => {
  it('reminds the reviewers of the open task once, marks the case and posts the notice to the webhook', async () => {
    const { send, stored, saved, posted } = reminderOf(reviewCase('pending_l1'));
    await expect(send(job(1, 'remind'))).resolves.toBe('sent');
    expect(stored).toEqual([
      expect.objectContaining({
        kind: 'review_reminder',
        level: 1,
        departmentId: 'd-1',
        taskKey: `${DOC}/5/remind`,
        title: '审核提醒：标题',
        message: expect.stringContaining('已在您的待办中超过 2 个工作日'),
      }),
    ]);
    expect(saved).toEqual([expect.objectContaining({ remindedAt: expect.any(Date), escalatedAt: null })]);
    expect(posted).toEqual([expect.objectContaining({ id: 'n-1', kind: 'review_reminder', agencyId: 'a-1', departmentId: 'd-1', createdAt: '2026-01-07T00:00:00.000Z' })]);
  });

  it.each([
    [1, 'pending_l1', 2],
    [2, 'pending_l2', 3],
    [3, 'pending_l3', 3],
  ] as const)('escalates a 第%s级 task to the level up (or the principal) and marks the case', async (level, status, audience) => {
    const { send, stored, saved } = reminderOf(reviewCase(status));
    await expect(send(job(level, 'escalate'))).resolves.toBe('sent');
    expect(stored).toEqual([expect.objectContaining({ kind: 'review_escalation', level: audience, message: expect.stringContaining('超过 4 个工作日未处理') })]);
    expect(saved).toEqual([expect.objectContaining({ escalatedAt: expect.any(Date), remindedAt: null })]);
  });

  it('sends one notice per task and kind however often the job runs, keeping the first mark', async () => {
    const first = new Date('2026-01-07T00:00:00Z');
    const { send, stored, saved, posted } = reminderOf(reviewCase('pending_l1', { remindedAt: first }));
    await send(job(1, 'remind'));
    await expect(send(job(1, 'remind'))).resolves.toBe('sent');
    expect(stored).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(saved.map((reviewCase) => reviewCase.remindedAt)).toEqual([first, first]);
  });

  it.each([
    ['the task was decided (the case moved on)', reviewCase('pending_l2', { eventSeq: 6 }), job(1, 'remind')],
    ['its level is open again as a new task (驳回上一级)', reviewCase('pending_l1', { eventSeq: 7 }), job(1, 'remind')],
    ['the case is at another level', reviewCase('pending_l2'), job(1, 'escalate')],
    ['the case is gone', null, job(1, 'remind')],
  ])('does nothing when %s: stale', async (_label, current, stale) => {
    const { send, stored, saved, posted } = reminderOf(current);
    await expect(send(stale)).resolves.toBe('stale');
    expect({ stored, saved, posted }).toEqual({ stored: [], saved: [], posted: [] });
  });
});
